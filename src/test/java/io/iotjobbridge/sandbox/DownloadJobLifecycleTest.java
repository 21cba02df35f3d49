package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateDownloadDataJob and GetDownloadFile: validation, quotas, and a status that follows the clock. */
class DownloadJobLifecycleTest {

    // 23:00 in Shanghai, so a test can cross the vendor's day boundary an hour later
    private static final Instant LATE_EVENING_IN_SHANGHAI = Instant.parse("2025-03-03T15:00:00Z");
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    private final MutableClock clock = new MutableClock(LATE_EVENING_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private RpcTestClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredentials(Map.of("test-ak", Secret.of("test-secret"), "other-ak", Secret.of("other-secret")))
                .withTimeline(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30))
                .withFailingTables(Set.of("broken_table")), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldCreateJobThatStartsInitializing() {
        JsonNode body = client.createJob("product_info", START, START + DAY_MS, "fileName01");

        assertThat(body.path("Success").asBoolean()).isTrue();
        JsonNode data = body.path("Data");
        assertThat(data.path("LongJobId").asText()).matches("[0-9a-f]{24}");
        assertThat(data.path("Status").asInt()).isEqualTo(-1);
        assertThat(data.path("AsyncExecute").asBoolean()).isTrue();
        assertThat(data.path("CsvFileName").asText()).isEqualTo("fileName01.csv");
        assertThat(data.path("BeginTime").asLong()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void shouldProgressThroughStatusesAsClockAdvances() {
        String jobId = client.createJob("product_info", START, START + DAY_MS, null).path("Data").path("LongJobId").asText();
        List<Integer> seen = new ArrayList<>();

        for (int second = 0; second <= 60; second += 5) {
            seen.add(client.getDownloadFile(jobId).json().path("Data").path("Status").asInt());
            clock.advance(Duration.ofSeconds(5));
        }

        // 10 s initializing, 20 s queued, 30 s running, then done
        assertThat(seen).containsExactly(-1, -1, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void shouldDescribeSucceededJobWithUrlCountAndTimes() {
        Instant created = clock.instant();
        String jobId = client.createJob("product_info", START, START + DAY_MS, "report").path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofMinutes(2));

        JsonNode data = client.getDownloadFile(jobId).json().path("Data");

        assertThat(data.path("Status").asInt()).isEqualTo(1);
        assertThat(data.path("BeginTime").asLong()).isEqualTo(created.toEpochMilli());
        assertThat(data.path("EndTime").asLong()).isEqualTo(created.plusSeconds(60).toEpochMilli());
        assertThat(data.path("TotalCount").asLong()).isEqualTo(SyntheticCsv.rowCount(65_536));
        assertThat(data.path("CsvUrl").asText())
                .startsWith(sandbox.baseUrl() + "/oss/data/download/" + jobId + "/report.csv?Expires=")
                .contains("&OSSAccessKeyId=").contains("&Signature=");
    }

    @Test
    void shouldGiveNoUrlBeforeTheJobSucceeds() {
        String jobId = client.createJob("product_info", START, START + DAY_MS, null).path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofSeconds(45));

        JsonNode data = client.getDownloadFile(jobId).json().path("Data");

        assertThat(data.path("Status").asInt()).isZero();
        assertThat(data.has("CsvUrl")).isFalse();
        assertThat(data.has("EndTime")).isFalse();
    }

    @Test
    void shouldEndInStatusTwoForFailingTable() {
        String jobId = client.createJob("broken_table", START, START + DAY_MS, null).path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofMinutes(2));

        JsonNode data = client.getDownloadFile(jobId).json().path("Data");

        assertThat(data.path("Status").asInt()).isEqualTo(2);
        assertThat(data.has("CsvUrl")).isFalse();
    }

    @Test
    void shouldGenerateFileNameWhenFileConfigHasNone() {
        JsonNode data = client.createJob("product_info", START, START + DAY_MS, null).path("Data");

        // 23:00 on 3 March in Shanghai
        assertThat(data.path("CsvFileName").asText()).isEqualTo("product_info_20250303230000.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCreateRequests")
    void shouldRejectMalformedCreateRequestWithRequestParamError(String why, Map<String, String> query) {
        RpcTestClient.Answer answer = new RpcTestClient.Answer(
                client.send(client.v3("CreateDownloadDataJob", query, Map.of())));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("Success").asBoolean(true)).isFalse();
        assertThat(answer.code()).isEqualTo("iot.dap.insight.requestParamError");
        assertThat(answer.json().path("ErrorMessage").asText()).isEqualTo("request param error.");
    }

    static Stream<Arguments> malformedCreateRequests() {
        String start = Long.toString(START);
        String end = Long.toString(START + DAY_MS);
        return Stream.of(
                Arguments.of("no TableName", Map.of("DownloadDataType", "TABLE", "StartTime", start, "EndTime", end)),
                Arguments.of("DownloadDataType not TABLE",
                        Map.of("TableName", "t", "DownloadDataType", "VIEW", "StartTime", start, "EndTime", end)),
                Arguments.of("no DownloadDataType", Map.of("TableName", "t", "StartTime", start, "EndTime", end)),
                Arguments.of("StartTime not a number",
                        Map.of("TableName", "t", "DownloadDataType", "TABLE", "StartTime", "yesterday", "EndTime", end)),
                Arguments.of("no EndTime", Map.of("TableName", "t", "DownloadDataType", "TABLE", "StartTime", start)),
                Arguments.of("EndTime equal to StartTime",
                        Map.of("TableName", "t", "DownloadDataType", "TABLE", "StartTime", start, "EndTime", start)),
                Arguments.of("EndTime before StartTime",
                        Map.of("TableName", "t", "DownloadDataType", "TABLE", "StartTime", end, "EndTime", start)),
                Arguments.of("FileConfig not a JSON object", Map.of("TableName", "t", "DownloadDataType", "TABLE",
                        "StartTime", start, "EndTime", end, "FileConfig", "[1,2]")),
                Arguments.of("fileName with a slash", Map.of("TableName", "t", "DownloadDataType", "TABLE",
                        "StartTime", start, "EndTime", end, "FileConfig", "{\"fileName\":\"../x\"}")));
    }

    @Test
    void shouldRejectRangeLongerThanThreeDays() {
        RpcTestClient.Answer answer = client.createJobResponse("t", START, START + 3 * DAY_MS + 1, null, "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("iot.dap.insight.queryTimeMoreThanQueryDays");
        assertThat(answer.json().path("ErrorMessage").asText())
                .isEqualTo("The query time range exceeded the allowed time range");
    }

    @Test
    void shouldAcceptRangeOfExactlyThreeDays() {
        RpcTestClient.Answer answer = client.createJobResponse("t", START, START + 3 * DAY_MS, null, "");

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void shouldRejectSecondJobOnSameInstanceUntilFirstFinishes() {
        client.createJob("t", START, START + DAY_MS, null);
        clock.advance(Duration.ofSeconds(59));

        RpcTestClient.Answer whileRunning = client.createJobResponse("t", START, START + DAY_MS, null, "");
        clock.advance(Duration.ofSeconds(1));
        RpcTestClient.Answer afterFinish = client.createJobResponse("t", START, START + DAY_MS, null, "");

        assertThat(whileRunning.status()).isEqualTo(400);
        assertThat(whileRunning.code()).isEqualTo("iot.dap.insight.processDownloadJobMoreConcurrenceCount");
        assertThat(whileRunning.json().path("ErrorMessage").asText())
                .isEqualTo("the number of concurrent download tasks in progress exceeds the upper limit");
        assertThat(afterFinish.status()).isEqualTo(200);
    }

    @Test
    void shouldRunJobsOnDifferentInstancesSideBySide() {
        RpcTestClient.Answer first = client.createJobResponse("t", START, START + DAY_MS, null, "iot-instance-a");
        RpcTestClient.Answer second = client.createJobResponse("t", START, START + DAY_MS, null, "iot-instance-b");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void shouldRejectFourthJobOfTheDayAndAllowItAfterShanghaiMidnight() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.createJobResponse("t", START, START + DAY_MS, null, "").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1));
        }

        RpcTestClient.Answer fourth = client.createJobResponse("t", START, START + DAY_MS, null, "");
        clock.set(Instant.parse("2025-03-03T16:00:00Z"));
        RpcTestClient.Answer nextDay = client.createJobResponse("t", START, START + DAY_MS, null, "");

        assertThat(fourth.status()).isEqualTo(400);
        assertThat(fourth.code()).isEqualTo("iot.dap.insight.downloadTaskNumUpperLimit");
        assertThat(fourth.json().path("ErrorMessage").asText())
                .isEqualTo("the number of downloaded tasks exceeded the upper limit");
        assertThat(nextDay.status()).isEqualTo(200);
    }

    @Test
    void shouldCountTheDailyQuotaPerAccount() {
        for (int i = 0; i < 3; i++) {
            client.createJobResponse("t", START, START + DAY_MS, null, "");
            clock.advance(Duration.ofMinutes(1));
        }
        RpcTestClient otherAccount = new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock);

        assertThat(otherAccount.createJobResponse("t", START, START + DAY_MS, null, "").status()).isEqualTo(200);
    }

    @Test
    void shouldRejectUnknownJobId() {
        RpcTestClient.Answer answer = client.getDownloadFile("0123456789abcdef01234567");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("iot.dap.insight.requestParamError");
    }

    @Test
    void shouldHideJobsOfOtherAccounts() {
        String jobId = client.createJob("t", START, START + DAY_MS, null).path("Data").path("LongJobId").asText();
        RpcTestClient otherAccount = new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock);

        assertThat(otherAccount.getDownloadFile(jobId).code()).isEqualTo("iot.dap.insight.requestParamError");
    }
}
