package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of Alibaba CreateJob's page (seed 002), end to end through the parser and the validator. */
class CreateJobTest {

    private static final Instant NOW = Instant.parse("2025-03-03T04:00:00Z");
    private static final String ALLOWED = "allowed here: IotInstanceId, JobName, JobDocument, Type, TargetConfig,"
            + " Description, JobFile, TimeoutConfig, RolloutConfig, ScheduledTime";
    private static final String PRODUCT = "\"TargetConfig\": {\"targetType\": \"PRODUCT_KEY\", \"targetProduct\": \"a1Pk\"}";

    private final OperationRequests requests = new OperationRequests(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Parses a JSON CreateJob request with these params (the text between the braces) and validates it. */
    private void submit(String paramsJson) {
        requests.submit("aliyun", "CreateJob", paramsJson, "");
    }

    /** The smallest valid job of a type, plus more params. */
    private static String job(String type, String more) {
        return "\"JobName\": \"oneJob\", \"JobDocument\": {\"k\": \"v\"}, \"Type\": \"" + type + "\", " + PRODUCT
                + (more.isEmpty() ? "" : ", " + more);
    }

    private static String valid(String more) {
        return job("INVOKE_SERVICE", more);
    }

    private static String target(String config) {
        return "\"JobName\": \"oneJob\", \"JobDocument\": {}, \"Type\": \"PUB\", \"TargetConfig\": " + config;
    }

    private static String devices(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"ProductKey\": \"a1Pk\", \"DeviceName\": \"d" + i + "\"}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static long fromNow(Duration offset) {
        return NOW.plus(offset).toEpochMilli();
    }

    @Test
    void shouldAcceptTheSampleRequest() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("samples/requests/aliyun-create-job.json"));
        assertThatCode(() -> requests.validate(sample)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptEveryParameterAtOnce() {
        assertThatCode(() -> submit(job("CUSTOM_JOB", """
                "IotInstanceId": "iot-cn-0pp1n8t****", "Description": "jobDescription",
                "JobFile": {"fileKey": "5cc34***f9/tazJ***s", "signMethod": "Sha256", "sign": "abc"},
                "TimeoutConfig": {"inProgressTimeoutInMinutes": 60},
                "RolloutConfig": {"maximumPerMinute": 1000, "messageQoS": "QoS1"},
                "ScheduledTime": %d""".formatted(fromNow(Duration.ofHours(1))))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JobName", "JobDocument", "Type", "TargetConfig"})
    void shouldRejectAMissingRequiredParameter(String name) {
        String params = valid("").replaceAll("\"" + name + "\": (\\{[^}]*}|\"[^\"]*\")(, )?", "")
                .replaceAll(", $", "");
        assertThat(violationsOf(() -> submit(params))).containsExactly("params." + name + ": is required");
    }

    @Test
    void shouldRejectAnUnknownParameterAndSuggestTheCloseOne() {
        assertThat(violationsOf(() -> submit(valid("\"Jobname\": \"x\"")))).containsExactly(
                "params.Jobname: unknown field (did you mean 'JobName'?); " + ALLOWED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc                             | must be 4 to 30 characters long; was 3",
            "abcdefghijklmnopqrstuvwxyz01234 | must be 4 to 30 characters long; was 31",
            "one-job                         | must contain only Chinese characters, letters, digits and underscores",
            "one job                         | must contain only Chinese characters, letters, digits and underscores",
            "任务！一二                       | must contain only Chinese characters, letters, digits and underscores",
    })
    void shouldRejectAJobNameOutsideTheRule(String name, String rule) {
        assertThat(violationsOf(() -> submit(valid("").replace("oneJob", name))))
                .containsExactly("params.JobName: " + rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd", "设备任务", "批量重启_light_2025", "abcdefghijklmnopqrstuvwxyz0123",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"})
    void shouldAcceptAJobNameOfChineseCharactersLettersDigitsAndUnderscores(String name) {
        assertThatCode(() -> submit(valid("").replace("oneJob", name))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAJobDocumentThatIsNotAnObject() {
        assertThat(violationsOf(() -> submit(valid("").replace("{\"k\": \"v\"}", "\"{}\""))))
                .containsExactly("params.JobDocument: must be an object; was a string");
    }

    @Test
    void shouldLimitTheJobDocumentTo65536CharactersOfCompactJson() {
        // {"k":"…"} is 8 characters of JSON around the value
        String fits = valid("").replace("\"v\"", "\"" + "v".repeat(65_536 - 8) + "\"");
        assertThatCode(() -> submit(fits)).doesNotThrowAnyException();
        assertThat(violationsOf(() -> submit(valid("").replace("\"v\"", "\"" + "v".repeat(65_536 - 7) + "\""))))
                .containsExactly("params.JobDocument: must be at most 65536 characters long as compact JSON; was 65537");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OTA", "invoke_service", ""})
    void shouldRejectATypeOutsideTheFour(String type) {
        assertThat(violationsOf(() -> submit(job(type, "")))).containsExactly(
                "params.Type: must be one of INVOKE_SERVICE, SET_PROPERTY, PUB, CUSTOM_JOB; was '" + type + "'");
    }

    @Test
    void shouldRejectATargetTypeOutsideTheThree() {
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"ALL\"}")))).containsExactly(
                "params.TargetConfig.targetType: must be one of DEVICE_LIST, GROUP_ID, PRODUCT_KEY; was 'ALL'");
        assertThat(violationsOf(() -> submit(target("{}"))))
                .containsExactly("params.TargetConfig.targetType: is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PRODUCT_KEY | targetProduct",
            "GROUP_ID    | targetGroup",
            "DEVICE_LIST | targetDevices",
    })
    void shouldRequireTheTargetThatTheTargetTypeNames(String type, String member) {
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"" + type + "\"}"))))
                .containsExactly("params.TargetConfig." + member + ": is required when targetType is " + type);
    }

    @Test
    void shouldAcceptEachTargetType() {
        assertThatCode(() -> submit(target("{\"targetType\": \"PRODUCT_KEY\", \"targetProduct\": \"a1j***3d\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> submit(target("{\"targetType\": \"GROUP_ID\", \"targetGroup\": \"rY2***01\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": [{\"IotId\":"
                + " \"OPx***00101\", \"ProductKey\": \"a1A***n\", \"DeviceName\": \"devicenew\"}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectATargetThatBelongsToAnotherTargetType() {
        assertThat(violationsOf(() -> submit(target(
                "{\"targetType\": \"PRODUCT_KEY\", \"targetProduct\": \"a1Pk\", \"targetGroup\": \"g1\"}"))))
                .containsExactly("params.TargetConfig.targetGroup: is allowed only when targetType is GROUP_ID;"
                        + " targetType is PRODUCT_KEY");
    }

    @Test
    void shouldRejectTheCapitalisedSpellingWithAHint() {
        assertThat(violationsOf(() -> submit(target(
                "{\"TargetType\": \"PRODUCT_KEY\", \"targetProduct\": \"a1Pk\"}")))).containsExactly(
                "params.TargetConfig.targetType: is required",
                "params.TargetConfig.TargetType: unknown field (did you mean 'targetType'?); allowed here:"
                        + " targetType, targetDevices, targetGroup, targetProduct");
    }

    @Test
    void shouldListOneTo200TargetDevices() {
        assertThatCode(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": " + devices(200)
                + "}"))).doesNotThrowAnyException();
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": "
                + devices(201) + "}"))))
                .containsExactly("params.TargetConfig.targetDevices: must have 1 to 200 items; was 201");
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": []}"))))
                .containsExactly("params.TargetConfig.targetDevices: must have 1 to 200 items; was 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"ProductKey\": \"a1Pk\"}                | targetDevices[0].DeviceName: is required when ProductKey is given",
            "{\"DeviceName\": \"d1\", \"IotId\": \"x\"} | targetDevices[0].ProductKey: is required when DeviceName is given",
            "{}                                        | targetDevices[0]: needs an IotId, or a ProductKey and a DeviceName",
            "{\"ProductKey\": \"\", \"DeviceName\": \"d1\"} | targetDevices[0].ProductKey: must not be blank",
    })
    void shouldRejectATargetDeviceThatDoesNotNameOneDevice(String entry, String violation) {
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": ["
                + entry + "]}")))).containsExactly("params.TargetConfig." + violation);
    }

    @Test
    void shouldRejectAMisspeltTargetDeviceFieldWithAHint() {
        assertThat(violationsOf(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\":"
                + " [{\"productKey\": \"a1Pk\", \"DeviceName\": \"d1\"}]}")))).containsExactly(
                "params.TargetConfig.targetDevices[0].productKey: unknown field (did you mean 'ProductKey'?);"
                        + " allowed here: IotId, ProductKey, DeviceName",
                "params.TargetConfig.targetDevices[0].ProductKey: is required when DeviceName is given");
    }

    @Test
    void shouldAcceptATargetDeviceNamedByItsIotIdAloneAsThePageAllows() {
        assertThatCode(() -> submit(target("{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": [{\"IotId\":"
                + " \"OPx***00101\"}]}"))).doesNotThrowAnyException();
    }

    @Test
    void shouldLimitTheDescriptionTo100Characters() {
        assertThatCode(() -> submit(valid("\"Description\": \"" + "描".repeat(100) + "\""))).doesNotThrowAnyException();
        assertThat(violationsOf(() -> submit(valid("\"Description\": \"" + "d".repeat(101) + "\""))))
                .containsExactly("params.Description: must be at most 100 characters long; was 101");
    }

    @Test
    void shouldAcceptAScheduledTimeFrom10MinutesTo7DaysAhead() {
        assertThatCode(() -> submit(valid("\"ScheduledTime\": " + fromNow(Duration.ofMinutes(10)))))
                .doesNotThrowAnyException();
        assertThatCode(() -> submit(valid("\"ScheduledTime\": " + fromNow(Duration.ofDays(7)))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAScheduledTimeSoonerThan10Minutes() {
        assertThat(violationsOf(() -> submit(valid("\"ScheduledTime\": " + fromNow(Duration.ofMinutes(9))))))
                .containsExactly("params.ScheduledTime: must be between 10 min from now and 7 days from now"
                        + " (now is 2025-03-03T04:00:00Z); was 9 min from now");
        assertThat(violationsOf(() -> submit(valid("\"ScheduledTime\": " + fromNow(Duration.ofHours(-1))))))
                .containsExactly("params.ScheduledTime: must be between 10 min from now and 7 days from now"
                        + " (now is 2025-03-03T04:00:00Z); was 1 h ago");
    }

    @Test
    void shouldRejectAScheduledTimeLaterThan7Days() {
        assertThat(violationsOf(() -> submit(valid("\"ScheduledTime\": " + fromNow(Duration.ofDays(7).plusMillis(1))))))
                .containsExactly("params.ScheduledTime: must be between 10 min from now and 7 days from now"
                        + " (now is 2025-03-03T04:00:00Z); was 7 days 1 ms from now");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "49   | must be at least 50; was 49",
            "1001 | must be at most 1000; was 1001",
            "\"1000\" | must be an integer; was a string",
    })
    void shouldHoldMaximumPerMinuteTo50To1000(String value, String rule) {
        assertThat(violationsOf(() -> submit(valid("\"RolloutConfig\": {\"maximumPerMinute\": " + value + "}"))))
                .containsExactly("params.RolloutConfig.maximumPerMinute: " + rule);
    }

    @Test
    void shouldAcceptMaximumPerMinuteAtBothEnds() {
        assertThatCode(() -> submit(valid("\"RolloutConfig\": {\"maximumPerMinute\": 50}"))).doesNotThrowAnyException();
        assertThatCode(() -> submit(valid("\"RolloutConfig\": {\"maximumPerMinute\": 1000}"))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAMessageQosOtherThanQos0OrQos1() {
        assertThat(violationsOf(() -> submit(valid("\"RolloutConfig\": {\"messageQoS\": \"QoS2\"}"))))
                .containsExactly("params.RolloutConfig.messageQoS: must be one of QoS0, QoS1; was 'QoS2'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVOKE_SERVICE", "SET_PROPERTY", "PUB"})
    void shouldHoldTheTimeoutOfOtherJobsTo1To5Minutes(String type) {
        assertThatCode(() -> submit(job(type, "\"TimeoutConfig\": {\"inProgressTimeoutInMinutes\": 5}")))
                .doesNotThrowAnyException();
        assertThat(violationsOf(() -> submit(job(type, "\"TimeoutConfig\": {\"inProgressTimeoutInMinutes\": 6}"))))
                .containsExactly("params.TimeoutConfig.inProgressTimeoutInMinutes: must be at most 5 when Type is "
                        + type + " (up to 3600 only for CUSTOM_JOB); was 6");
    }

    @Test
    void shouldHoldTheTimeoutOfCustomJobsTo1To3600Minutes() {
        assertThatCode(() -> submit(job("CUSTOM_JOB", "\"TimeoutConfig\": {\"inProgressTimeoutInMinutes\": 3600}")))
                .doesNotThrowAnyException();
        assertThat(violationsOf(() -> submit(job("CUSTOM_JOB",
                "\"TimeoutConfig\": {\"inProgressTimeoutInMinutes\": 3601}")))).containsExactly(
                "params.TimeoutConfig.inProgressTimeoutInMinutes: must be at most 3600 when Type is CUSTOM_JOB;"
                        + " was 3601");
    }

    @Test
    void shouldRejectATimeoutBelowOneMinute() {
        assertThat(violationsOf(() -> submit(job("CUSTOM_JOB", "\"TimeoutConfig\": {\"inProgressTimeoutInMinutes\": 0}"))))
                .containsExactly("params.TimeoutConfig.inProgressTimeoutInMinutes: must be at least 1; was 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVOKE_SERVICE", "SET_PROPERTY", "PUB"})
    void shouldAllowAJobFileOnlyForCustomJobs(String type) {
        assertThat(violationsOf(() -> submit(job(type, "\"JobFile\": {\"fileKey\": \"k\"}"))))
                .containsExactly("params.JobFile: is allowed only when Type is CUSTOM_JOB; Type is " + type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sha256", "SHA256", "MD5", "md5"})
    void shouldAcceptTheSignMethodsOfThePageInAnyCase(String method) {
        assertThatCode(() -> submit(job("CUSTOM_JOB", "\"JobFile\": {\"fileKey\": \"k\", \"signMethod\": \""
                + method + "\", \"sign\": \"s\"}"))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAJobFileWithoutFileKeyOrWithAnotherSignMethod() {
        assertThat(violationsOf(() -> submit(job("CUSTOM_JOB", "\"JobFile\": {\"signMethod\": \"SHA1\"}"))))
                .containsExactly("params.JobFile.fileKey: is required",
                        "params.JobFile.signMethod: must be MD5 or SHA256 (in any case)");
    }

    @Test
    void shouldRejectAMalformedIotInstanceId() {
        assertThat(violationsOf(() -> submit(valid("\"IotInstanceId\": \"iot cn\""))))
                .containsExactly("params.IotInstanceId: must be printable ASCII without spaces");
    }
}
