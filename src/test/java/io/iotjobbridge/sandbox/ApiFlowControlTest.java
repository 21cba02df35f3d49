package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway's per-account flow control: exactly the documented number of calls per API within one second, the next
 * one refused as {@code Throttling.User} (HTTP 400, gateway shape), and the next second open again.
 */
class ApiFlowControlTest {

    // one millisecond before a second boundary, so "the next second" is one millisecond away
    private static final Instant JUST_BEFORE_A_SECOND = Instant.parse("2025-03-03T04:00:00.999Z");
    private static final String THROTTLED = "Throttling.User";
    private static final String THROTTLED_MESSAGE = "Request was denied due to user flow control.";

    private final MutableClock clock = new MutableClock(JUST_BEFORE_A_SECOND);
    private VendorSandbox sandbox;
    private RpcTestClient client;
    private RpcTestClient otherAccount;

    @BeforeEach
    void startSandbox() {
        start(SandboxSettings.defaults());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}: {1} a second")
    @CsvSource({
            "CreateJob, 5",
            "QueryJob, 10",
            "QueryJobStatistics, 5",
            "ListTask, 5",
            "CancelJob, 5",
            "CreateDeviceDistributeJob, 5",
            "QueryDeviceDistributeJob, 10",
            "QueryDeviceDistributeDetail, 5",
            "ListDeviceDistributeJob, 5"})
    void shouldRefuseTheCallAfterTheLimitWithinOneSecondAndAdmitItTheNextSecond(String action, int limit) {
        for (int i = 0; i < limit; i++) {
            // past the gateway: whatever the action answers, it is the IoT envelope
            assertThat(client.call(action, Map.of()).json().has("Success")).as("call %d", i + 1).isTrue();
        }

        assertGatewayError(client.call(action, Map.of()).response(), 400, THROTTLED, THROTTLED_MESSAGE);
        clock.advance(Duration.ofMillis(1));
        assertThat(client.call(action, Map.of()).json().has("Success")).isTrue();
    }

    @Test
    void shouldCountEachAccountAndEachApiApart() {
        for (int i = 0; i < 5; i++) {
            client.call("ListTask", Map.of());
        }

        assertGatewayError(client.call("ListTask", Map.of()).response(), 400, THROTTLED, THROTTLED_MESSAGE);
        assertThat(otherAccount.call("ListTask", Map.of()).json().has("Success")).isTrue();
        assertThat(client.call("QueryJobStatistics", Map.of()).json().has("Success")).isTrue();
    }

    @Test
    void shouldNotCountRefusedCallsAgainstTheNextSecond() {
        for (int i = 0; i < 20; i++) {
            client.call("CreateJob", Map.of());
        }
        clock.advance(Duration.ofSeconds(1));

        for (int i = 0; i < 5; i++) {
            assertThat(client.call("CreateJob", Map.of()).json().has("Success")).isTrue();
        }
        assertThat(client.call("CreateJob", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void shouldRecordThrottlingAsARejection() {
        for (int i = 0; i < 7; i++) {
            client.call("CancelJob", Map.of("JobId", "NoSuchJob"));
        }

        assertThat(sandbox.stats().callsOf("CancelJob")).isEqualTo(7);
        assertThat(sandbox.stats().rejectionsOf(THROTTLED)).isEqualTo(2);
        // the five admitted calls were refused by the action itself: no such job
        assertThat(sandbox.stats().rejectionsOf("iot.system.IllegalRequest")).isEqualTo(5);
    }

    @Test
    void shouldLeaveApisOutsideTheTableUnlimited() {
        for (int i = 0; i < 30; i++) {
            assertThat(client.getDownloadFile("no-such-job").code()).isEqualTo("iot.dap.insight.requestParamError");
        }
        assertThat(sandbox.stats().rejectionsOf(THROTTLED)).isZero();
    }

    @Test
    void shouldTakeLimitsFromProperties() {
        sandbox.close();
        start(SandboxSettings.fromProperties(Map.of(
                "bridge.sandbox.port", "0",
                "bridge.sandbox.aliyun.qps.CreateJob", "2",
                "bridge.sandbox.aliyun.qps.QueryJob", "0")::get));

        client.call("CreateJob", Map.of());
        client.call("CreateJob", Map.of());

        assertThat(client.call("CreateJob", Map.of()).status()).isEqualTo(400);
        assertThat(client.call("QueryJob", Map.of()).status()).isEqualTo(400);
        assertThat(client.call("ListTask", Map.of()).status()).isEqualTo(200);
    }

    private void start(SandboxSettings settings) {
        sandbox = VendorSandbox.start(settings.withCredentials(Map.of(
                "test-ak", Secret.of("test-secret"), "other-ak", Secret.of("other-secret"))), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
        otherAccount = new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock);
    }
}
