package io.iotjobbridge.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.amqp.AmqpSettings;
import io.iotjobbridge.amqp.BridgeBroker;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.testing.PackagedJar;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /observe/health/ready} follows what the bridge depends on: the ledger database, the AMQP broker and the
 * vendor accounts; liveness stays up throughout, since none of these is cured by a restart.
 */
class ReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path serviceDir;

    private RunningBridge bridge;
    private BridgeBroker broker;
    private Server database;
    private VendorSandbox other;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.stop();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void shouldGoUnreadyWhileTheBrokerIsDownAndReadyWhenItIsBack() throws Exception {
        AmqpSettings settings = new AmqpSettings(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "iot.jobs.requests", "iot.jobs.events", "iot.jobs.requests.dead",
                1, 1024 * 1024, "127.0.0.1", PackagedJar.freePort(), 10);
        broker = BridgeBroker.start(settings, serviceDir);
        bridge = RunningBridge.start(dataDir, Map.of("bridge.amqp.url", broker.url().toString(),
                "bridge.amqp.recovery-ms", "200"));
        ApiClient api = new ApiClient(bridge.httpUrl(), null);
        await().atMost(WAIT).until(() -> api.get("/observe/health/ready").status() == 200);

        broker.close();

        await().atMost(WAIT).until(() -> down(api).contains("amqp-broker"));
        assertThat(api.get("/observe/health/ready").status()).isEqualTo(503);
        assertThat(api.get("/observe/health/live").status()).isEqualTo(200);
        broker = BridgeBroker.start(settings, serviceDir);
        await().atMost(WAIT).until(() -> api.get("/observe/health/ready").status() == 200);
    }

    @Test
    void shouldGoUnreadyWhileTheLedgerDatabaseIsDownAndReadyWhenItIsBack() throws Exception {
        int port = PackagedJar.freePort();
        database = startDatabase(port);
        bridge = RunningBridge.start(dataDir, Map.of(
                "bridge.ledger.url", "jdbc:h2:tcp://127.0.0.1:" + port + "/ledger"));
        ApiClient api = new ApiClient(bridge.httpUrl(), null);
        await().atMost(WAIT).until(() -> api.get("/observe/health/ready").status() == 200);

        database.stop();

        await().atMost(WAIT).until(() -> down(api).contains("ledger"));
        assertThat(api.get("/observe/health/ready").body().toString())
                .as("the reason is the bridge's own words, not a driver message with a URL")
                .doesNotContain("jdbc:").doesNotContain("tcp://");
        database = startDatabase(port);
        await().atMost(WAIT).until(() -> !down(api).contains("ledger"));
    }

    @Test
    void shouldShowAnAccountWhoseCredentialsTheVendorRefusesAsNotReady() throws Exception {
        other = VendorSandbox.start(SandboxSettings.defaults(), Clock.systemUTC());
        bridge = RunningBridge.start(dataDir, Map.of(
                "bridge.accounts.other.aliyun.endpoint", other.baseUrl().toString(),
                "bridge.accounts.other.aliyun.access-key-id", "unknown-ak",
                "bridge.accounts.other.aliyun.access-key-secret", "not-the-secret"));
        ApiClient api = new ApiClient(bridge.httpUrl(), null);
        await().atMost(WAIT).until(() -> api.get("/observe/health/ready").status() == 200);

        bridge.drop("wrong.json", Files.readString(Path.of("samples/requests/aliyun-download-product-info.json"))
                .replace("\"account\": \"default\"", "\"account\": \"other\""));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(job -> job.state() == JobState.FAILED).orElse(false));
        await().atMost(WAIT).until(() -> down(api).contains("account:aliyun:other"));
        assertThat(down(api)).doesNotContain("account:aliyun:default");
        assertThat(api.get("/observe/health/ready").body().toString()).doesNotContain("not-the-secret");
    }

    private Server startDatabase(int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists",
                "-baseDir", serviceDir.toString()).start();
    }

    /** The names of the readiness checks that are down. */
    private static String down(ApiClient api) throws Exception {
        JsonNode health = api.get("/observe/health/ready").body();
        StringBuilder names = new StringBuilder();
        health.path("checks").forEach(check -> {
            if ("DOWN".equals(check.path("status").asText())) {
                names.append(check.path("name").asText()).append(' ');
            }
        });
        return names.toString();
    }
}
