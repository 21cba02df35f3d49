package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults on the Huawei IoTDA side of the sandbox, in IoTDA's and APIG's error shapes. */
class IotdaFaultsTest {

    private static final String LIST = "huawei.ListBatchTasks";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private VendorSandbox sandbox;
    private IotdaTestClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential("fault-ak", Secret.of("fault-sk")),
                clock);
        client = new IotdaTestClient(sandbox.baseUrl(), "fault-ak", Secret.of("fault-sk"), "project-1", clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldAnswerPlannedFaultsInTheVendorsErrorShapeThenServeNormally() {
        sandbox.faults().inject(LIST, "500,503,throttle");

        IotdaTestClient.Answer internal = client.listBatchTasks("firmwareUpgrade", Map.of());
        IotdaTestClient.Answer unavailable = client.listBatchTasks("firmwareUpgrade", Map.of());
        IotdaTestClient.Answer throttled = client.listBatchTasks("firmwareUpgrade", Map.of());
        IotdaTestClient.Answer normal = client.listBatchTasks("firmwareUpgrade", Map.of());

        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.code()).isEqualTo("IOTDA.000001");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("APIG.0308");
        assertThat(normal.status()).isEqualTo(200);
        assertThat(sandbox.stats().faultsOf(LIST + ":throttle")).isEqualTo(1);
        assertThat(sandbox.stats().rejectionsOf("APIG.0308")).isEqualTo(1);
    }

    @Test
    void shouldSendBrokenBodiesAndDropConnections() {
        sandbox.faults().inject(LIST, "malformed,truncated,reset");

        IotdaTestClient.Answer malformed = client.listBatchTasks("firmwareUpgrade", Map.of());
        IotdaTestClient.Answer truncated = client.listBatchTasks("firmwareUpgrade", Map.of());

        assertThat(malformed.status()).isEqualTo(200);
        assertThat(new String(malformed.response().body(), StandardCharsets.UTF_8)).startsWith("<html>");
        assertThat(truncated.status()).isEqualTo(200);
        assertThatThrownBy(truncated::json).isInstanceOf(RuntimeException.class);
        // the JDK client sends a GET again, once, when the connection drops before any answer: the reset shows as a
        // second call behind one answer
        assertThat(client.listBatchTasks("firmwareUpgrade", Map.of()).status()).isEqualTo(200);
        assertThat(sandbox.stats().faultsOf(LIST + ":reset")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("ListBatchTasks")).isEqualTo(4);
    }
}
