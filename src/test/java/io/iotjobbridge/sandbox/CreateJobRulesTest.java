package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertOk;
import static io.iotjobbridge.sandbox.SandboxAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of CreateJob's page, broken one at a time on an otherwise valid request: each is refused with
 * {@code iot.common.InvalidFormattedParameter} and a message naming the rule, and each boundary value is accepted.
 */
class CreateJobRulesTest {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2025-03-03T04:00:00Z");
    private static final String NULL = "<absent>";

    private final MutableClock clock = new MutableClock(NOON_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private DeviceJobCalls jobs;

    @BeforeEach
    void startSandbox() {
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults.withCredential("test-ak", Secret.of("test-secret"))
                .withDeviceJobs(defaults.deviceJobs().withRateLimits(
                        ApiRateLimits.documented().with("CreateJob", 1_000))), clock);
        jobs = new DeviceJobCalls(new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("JobName", NULL, "JobName must be 4 to 30 characters"),
                rule("JobName", "abc", "JobName must be 4 to 30 characters"),
                rule("JobName", "a".repeat(31), "JobName must be 4 to 30 characters"),
                rule("JobName", "reboot-all", "JobName must be 4 to 30 characters"),
                rule("JobName", "重启 设备", "JobName must be 4 to 30 characters"),
                rule("JobDocument", NULL, "JobDocument is mandatory"),
                rule("JobDocument", "{\"k\":\"" + "x".repeat(65_530) + "\"}", "JobDocument must not be longer than 65536"),
                rule("JobDocument", "{not json", "JobDocument must be a JSON object"),
                rule("JobDocument", "[1,2]", "JobDocument must be a JSON object"),
                rule("TargetConfig", NULL, "TargetConfig is mandatory"),
                rule("TargetConfig", "PRODUCT_KEY", "TargetConfig must be a JSON object"),
                rule("TargetConfig", "{\"targetType\":\"DEVICE\"}", "targetType must be DEVICE_LIST, GROUP_ID or PRODUCT_KEY"),
                rule("TargetConfig", "{\"targetProduct\":\"a1Pk\"}", "targetType must be DEVICE_LIST, GROUP_ID or PRODUCT_KEY"),
                rule("TargetConfig", "{\"targetType\":\"DEVICE_LIST\",\"targetDevices\":[]}", "must list 1 to 200 devices"),
                rule("TargetConfig", deviceList(201), "must list 1 to 200 devices"),
                rule("TargetConfig", "{\"targetType\":\"DEVICE_LIST\",\"targetDevices\":[{\"ProductKey\":\"a1Pk\"}]}",
                        "needs a ProductKey and a DeviceName"),
                rule("TargetConfig", "{\"targetType\":\"PRODUCT_KEY\",\"targetGroup\":\"g1\"}",
                        "TargetConfig.targetProduct is mandatory when targetType is PRODUCT_KEY"),
                rule("TargetConfig", "{\"targetType\":\"GROUP_ID\",\"targetProduct\":\"a1Pk\"}",
                        "TargetConfig.targetGroup is mandatory when targetType is GROUP_ID"),
                rule("Type", NULL, "Type must be INVOKE_SERVICE, SET_PROPERTY, PUB or CUSTOM_JOB"),
                rule("Type", "REBOOT", "Type must be INVOKE_SERVICE, SET_PROPERTY, PUB or CUSTOM_JOB"),
                rule("Description", "d".repeat(101), "Description must not be longer than 100"),
                rule("JobFile", "{\"fileKey\":\"k\",\"signMethod\":\"MD5\",\"sign\":\"s\"}",
                        "JobFile is allowed only when Type is CUSTOM_JOB"),
                rule("TimeoutConfig", "{\"inProgressTimeoutInMinutes\":6}",
                        "inProgressTimeoutInMinutes must be 1 to 5 for SET_PROPERTY"),
                rule("TimeoutConfig", "{\"inProgressTimeoutInMinutes\":0}",
                        "inProgressTimeoutInMinutes must be 1 to 5 for SET_PROPERTY"),
                rule("TimeoutConfig", "{\"pad\":\"" + "x".repeat(8_192) + "\"}", "TimeoutConfig must not be longer than 8192"),
                rule("RolloutConfig", "{\"maximumPerMinute\":49}", "maximumPerMinute must be 50 to 1000"),
                rule("RolloutConfig", "{\"maximumPerMinute\":1001}", "maximumPerMinute must be 50 to 1000"),
                rule("RolloutConfig", "{\"messageQoS\":\"QoS2\"}", "messageQoS must be QoS0 or QoS1"),
                rule("ScheduledTime", millisFromNoon(Duration.ofMinutes(10).minusMillis(1)),
                        "ScheduledTime must be between 10 minutes and 7 days from now"),
                rule("ScheduledTime", millisFromNoon(Duration.ofDays(7).plusMillis(1)),
                        "ScheduledTime must be between 10 minutes and 7 days from now"),
                rule("ScheduledTime", "tomorrow", "ScheduledTime must be a time in milliseconds"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @MethodSource("brokenRules")
    void shouldRefuseABrokenRuleWithAMessageNamingIt(String parameter, String value, String message) {
        Map<String, String> params = valid();
        if (NULL.equals(value)) {
            params.remove(parameter);
        } else {
            params.put(parameter, value);
        }

        assertRefused(jobs.create(params), "iot.common.InvalidFormattedParameter", message);
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                rule("JobName", "abcd", null),
                rule("JobName", "设备".repeat(15), null),
                rule("JobName", "Job_2025_设备", null),
                rule("JobDocument", "{\"k\":\"" + "x".repeat(65_528) + "\"}", null),
                rule("TargetConfig", deviceList(200), null),
                rule("TargetConfig", "{\"TargetType\":\"GROUP_ID\",\"TargetGroup\":\"rY2Gr0up01\"}", null),
                rule("Description", "d".repeat(100), null),
                rule("TimeoutConfig", "{\"inProgressTimeoutInMinutes\":5}", null),
                rule("RolloutConfig", "{\"maximumPerMinute\":50,\"messageQoS\":\"QoS0\"}", null),
                rule("ScheduledTime", millisFromNoon(Duration.ofMinutes(10)), null),
                rule("ScheduledTime", millisFromNoon(Duration.ofDays(7)), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("boundaryValues")
    void shouldAcceptAValueRightOnTheBoundary(String parameter, String value, String unused) {
        Map<String, String> params = valid();
        params.put(parameter, value);

        assertThat(assertOk(jobs.create(params)).path("JobId").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("customJobRules")
    void shouldApplyTheCustomJobRules(String timeoutConfig, String jobFile, String refusal) {
        Map<String, String> params = valid();
        params.put("Type", "CUSTOM_JOB");
        params.put("TimeoutConfig", timeoutConfig);
        params.put("JobFile", jobFile);

        if (refusal == null) {
            assertOk(jobs.create(params));
        } else {
            assertRefused(jobs.create(params), "iot.common.InvalidFormattedParameter", refusal);
        }
    }

    static Stream<Arguments> customJobRules() {
        return Stream.of(
                Arguments.of("{\"inProgressTimeoutInMinutes\":3600}", "{\"fileKey\":\"k\",\"signMethod\":\"Sha256\"}",
                        null),
                Arguments.of("{\"inProgressTimeoutInMinutes\":3601}", "{\"fileKey\":\"k\"}",
                        "inProgressTimeoutInMinutes must be 1 to 3600 for CUSTOM_JOB"),
                Arguments.of("{}", "{\"signMethod\":\"MD5\"}", "JobFile.fileKey is mandatory"),
                Arguments.of("{}", "{\"fileKey\":\"k\",\"signMethod\":\"CRC32\"}", "signMethod must be MD5 or SHA256"));
    }

    private static Map<String, String> valid() {
        return new HashMap<>(DeviceJobCalls.productJob("a1RulesProd"));
    }

    private static Arguments rule(String parameter, String value, String message) {
        return Arguments.of(parameter, value, message);
    }

    private static String millisFromNoon(Duration ahead) {
        return Long.toString(NOON_IN_SHANGHAI.plus(ahead).toEpochMilli());
    }

    private static String deviceList(int devices) {
        return "{\"targetType\":\"DEVICE_LIST\",\"targetDevices\":[" + IntStream.range(0, devices)
                .mapToObj(i -> "{\"ProductKey\":\"a1Pk\",\"DeviceName\":\"dev" + i + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }
}
