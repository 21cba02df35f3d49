package io.iotjobbridge.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.amqp.AmqpSettings;
import io.iotjobbridge.amqp.BridgeBroker;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.testing.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged bridges share one PostgreSQL ledger, one AMQP broker and one destination folder; one is killed with
 * SIGKILL while both take requests from the queue. Needs {@code -Dbridge.test.postgres-url} ({@code .ci/run} gives
 * the machine's PostgreSQL); each run uses a schema of its own.
 */
@EnabledIfSystemProperty(named = "bridge.test.postgres-url", matches = ".+")
class TwoNodesOneQueueIT {

    private static final String URL = System.getProperty("bridge.test.postgres-url");
    private static final String USER = System.getProperty("bridge.test.postgres-user", "postgres");
    private static final String PASSWORD = System.getProperty("bridge.test.postgres-password", "");
    private static final int REQUESTS = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final ProcessLogs logs = new ProcessLogs();
    private String schema;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (schema != null) {
            execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    @Guarantee(id = "R17", injection = "two bridges on one PostgreSQL ledger consume one request queue; one is killed"
            + " with SIGKILL mid-stream (its leases expire after 3 s)",
            expected = "every request becomes one job and one vendor job, delivered once by whichever node; the"
                    + " survivor takes over the dead node's messages and jobs")
    void shouldDeliverEveryRequestOnceWhenOneOfTwoNodesDies() throws Exception {
        schema = "bridge_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema " + schema);
        String ledgerUrl = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Map<String, String> sandboxSettings = CrashRecoveryIT.sandboxSettings(PackagedJar.freePort());
        SandboxProcess sandbox = SandboxProcess.start(sandboxSettings, dir.resolve("sandbox.log"));
        running.add(sandbox::close);
        logs.watch(sandbox.log());
        BridgeBroker broker = BridgeBroker.start(new AmqpSettings(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "iot.jobs.requests", "iot.jobs.events",
                "iot.jobs.requests.dead", 2, 1024 * 1024, "127.0.0.1", 0, 10), dir.resolve("broker"));
        running.add(broker::close);

        logs.printOnFailure(() -> {
            Path outbox = Files.createDirectories(dir.resolve("shared-outbox"));
            Map<String, Long> callsBefore = sandbox.calls();
            BridgeRun a = node("a", sandboxSettings, sandbox.baseUrl(), ledgerUrl, broker.url(), outbox);
            BridgeRun b = node("b", sandboxSettings, sandbox.baseUrl(), ledgerUrl, broker.url(), outbox);
            // both consume before anything is sent, or the first one up takes the whole backlog
            await("both nodes consuming").atMost(BridgeRun.MAX_WAIT).until(() ->
                    a.log().contains("Started trigger-amqp") && b.log().contains("Started trigger-amqp"));
            RequestFactory factory = new RequestFactory();
            List<DroppedRequest> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                DroppedRequest request = factory.deviceJob("two-nodes");
                requests.add(request);
                RequestMessage.send(broker.url(), request.document(), "two-nodes.replies");
            }
            await("node a at work").atMost(BridgeRun.MAX_WAIT).until(() -> a.progressLines() >= 2);
            a.kill();

            try (HikariDataSource ledgerDb = LedgerDataSource.open(ledgerUrl, USER, PASSWORD, 2)) {
                JobLedger ledger = new JobLedger(ledgerDb, java.time.Clock.systemUTC(), "observer");
                await("every request delivered").atMost(BridgeRun.MAX_WAIT.multipliedBy(2)).until(() ->
                        requests.stream().allMatch(r -> ledger.findByRequestId(r.id()).map(JobRecord::state)
                                .orElse(null) == JobState.DELIVERED));
                assertThat(b.isAlive()).isTrue();
                for (DroppedRequest request : requests) {
                    JobRecord job = ledger.findByRequestId(request.id()).orElseThrow();
                    assertThat(ledger.history(job.id())).filteredOn(t -> t.state() == JobState.RECEIVED)
                            .as("%s recorded once", request.id()).hasSize(1);
                    assertThat(ledger.history(job.id())).filteredOn(t -> t.state() == JobState.DELIVERED)
                            .as("%s delivered once", request.id()).hasSize(1);
                    for (DeliveredFile file : ledger.files(job.id())) {
                        assertThat(Files.size(outbox.resolve(file.name()))).isEqualTo(file.sizeBytes());
                    }
                }
            }
            long creates = sandbox.calls().getOrDefault("CreateJob", 0L) - callsBefore.getOrDefault("CreateJob", 0L);
            assertThat(creates).as("one vendor job per request").isEqualTo(REQUESTS);
            try (Stream<Path> files = Files.walk(outbox)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".part-"));
            }
            assertThat(broker.pending("iot.jobs.requests")).isZero();
            b.stop();
        });
    }

    private BridgeRun node(String name, Map<String, String> sandboxSettings, URI sandboxUrl, String ledgerUrl,
                           URI broker, Path outbox) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(sandboxSettings);
        properties.put("bridge.sandbox.url", sandboxUrl.toString());
        properties.put("bridge.node-id", name);
        properties.put("bridge.data-dir", dir.resolve("node-" + name).toString());
        properties.put("bridge.ledger.url", ledgerUrl);
        properties.put("bridge.ledger.user", USER);
        properties.put("bridge.ledger.password", PASSWORD);
        properties.put("bridge.amqp.url", broker.toString());
        properties.put("bridge.amqp.recovery-ms", "500");
        // one message ahead per consumer: the two nodes share the queue message by message
        properties.put("bridge.amqp.prefetch", "1");
        properties.put("bridge.destinations.default.uri", "file:" + outbox);
        properties.put("bridge.engine.lease-ms", "3000");
        properties.put("bridge.engine.tick-ms", "100");
        properties.put("bridge.engine.poll-initial-ms", "300");
        properties.put("bridge.engine.poll-max-ms", "500");
        properties.put("bridge.engine.retry-initial-ms", "100");
        properties.put("bridge.engine.retry-max-ms", "500");
        BridgeRun run = BridgeRun.start(dir.resolve("node-" + name), 1, properties);
        running.add(() -> {
            if (run.isAlive()) {
                run.kill();
            }
        });
        logs.watch(run.logFile());
        return run;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
