package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The params rules of Alibaba CreateDownloadDataJob, end to end through the parser and the validator. */
class CreateDownloadDataJobTest {

    private static final long START = 1658332800000L;
    private static final long DAY = 86_400_000L;
    private static final long THREE_DAYS = 3 * DAY;
    private static final String ALLOWED =
            "allowed here: IotInstanceId, TableName, DownloadDataType, StartTime, EndTime, FileConfig, Context";

    private final OperationRequests requests =
            new OperationRequests(Clock.fixed(Instant.parse("2022-07-21T00:00:00Z"), ZoneOffset.UTC));

    /** Parses a JSON request with these params (the text between the braces) and validates it. */
    private void submit(String paramsJson) {
        requests.submit("aliyun", "CreateDownloadDataJob", paramsJson, "");
    }

    private static String times(long start, long end) {
        return "\"TableName\": \"product_info\", \"DownloadDataType\": \"TABLE\", \"StartTime\": " + start
                + ", \"EndTime\": " + end;
    }

    private static String valid() {
        return times(START, 1658406464534L);
    }

    @Test
    void shouldAcceptTheDocExampleWithEveryParameter() {
        assertThatCode(() -> submit(valid() + """
                , "IotInstanceId": "iot-cn-npk1u******", "FileConfig": {"fileName": "fileName01"},
                "Context": {"any": ["thing", 1, {"nested": true}]}""")).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptTheYamlSampleFromTheIssue() {
        String yaml = """
                id: product-info-2022-07-20
                vendor: aliyun
                account: default
                operation: CreateDownloadDataJob
                params:
                  IotInstanceId: iot-cn-npk1u******
                  TableName: product_info
                  DownloadDataType: TABLE
                  StartTime: 1658332800000
                  EndTime: 1658406464534
                  FileConfig: {fileName: fileName01}
                destination: default
                """;
        JobRequest request = requests.validate(yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(request.params().get("FileConfig").get("fileName").textValue()).isEqualTo("fileName01");
    }

    @Test
    void shouldAcceptAnEmptyFileConfigBecauseTheVendorThenNamesTheFile() {
        assertThatCode(() -> submit(valid() + ", \"FileConfig\": {}")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TableName", "DownloadDataType", "StartTime", "EndTime"})
    void shouldRejectMissingRequiredParameter(String name) {
        String params = valid().replaceAll("\"" + name + "\": [^,]+(, )?", "").replaceAll(", $", "");
        assertThat(violationsOf(() -> submit(params))).containsExactly("params." + name + ": is required");
    }

    @Test
    void shouldRejectUnknownParameterAndSuggestTheCloseOne() {
        assertThat(violationsOf(() -> submit(valid() + ", \"Foo\": 1, \"Tablename\": \"x\"")))
                .containsExactly(
                        "params.Foo: unknown field; " + ALLOWED,
                        "params.Tablename: unknown field (did you mean 'TableName'?); " + ALLOWED);
    }

    @Test
    void shouldRejectUnknownFieldInsideFileConfig() {
        assertThat(violationsOf(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"a\", \"size\": 1}")))
                .containsExactly("params.FileConfig.size: unknown field; allowed here: fileName");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"IotInstanceId\": 5            | params.IotInstanceId: must be a string; was an integer",
            "\"FileConfig\": \"x\"           | params.FileConfig: must be an object; was a string",
            "\"FileConfig\": {\"fileName\": 1} | params.FileConfig.fileName: must be a string; was an integer",
            "\"Context\": []                 | params.Context: must be an object; was a list",
            "\"Context\": null               | params.Context: must not be null",
    })
    void shouldRejectWrongTypeOfOptionalParameter(String param, String violation) {
        assertThat(violationsOf(() -> submit(valid() + ", " + param))).containsExactly(violation);
    }

    @Test
    void shouldRejectWrongTypesOfRequiredParameters() {
        String params = "\"TableName\": 5, \"DownloadDataType\": true, \"StartTime\": \"123\", \"EndTime\": 1.5";
        assertThat(violationsOf(() -> submit(params))).containsExactly(
                "params.TableName: must be a string; was an integer",
                "params.DownloadDataType: must be a string; was a boolean",
                "params.StartTime: must be an integer; was a string",
                "params.EndTime: must be an integer; was a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIEW", "table", "", " TABLE"})
    void shouldRejectDownloadDataTypeOtherThanTable(String type) {
        String params = valid().replace("\"TABLE\"", "\"" + type + "\"");
        assertThat(violationsOf(() -> submit(params)))
                .containsExactly("params.DownloadDataType: must be TABLE; was '" + type + "'");
    }

    @Test
    void shouldRejectBlankAndOverlongTableName() {
        assertThat(violationsOf(() -> submit(valid().replace("product_info", "   "))))
                .containsExactly("params.TableName: must not be blank");
        assertThat(violationsOf(() -> submit(valid().replace("product_info", "t".repeat(129)))))
                .containsExactly("params.TableName: must be at most 128 characters long; was 129");
        assertThatCode(() -> submit(valid().replace("product_info", "t".repeat(128)))).doesNotThrowAnyException();
    }

    @Test
    void shouldCountTableNameLengthInCharactersNotUtf16Units() {
        // 128 characters outside the BMP are 256 UTF-16 units; the limit is about characters.
        assertThatCode(() -> submit(valid().replace("product_info", "😀".repeat(128)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "iot cn                | params.IotInstanceId: must be printable ASCII without spaces",
            "''                    | params.IotInstanceId: must be 1 to 64 characters long; was 0",
            "iot-cn-中文            | params.IotInstanceId: must be printable ASCII without spaces",
    })
    void shouldRejectMalformedIotInstanceId(String id, String violation) {
        assertThat(violationsOf(() -> submit(valid() + ", \"IotInstanceId\": \"" + id + "\"")))
                .containsExactly(violation);
    }

    @Test
    void shouldRejectIotInstanceIdLongerThan64() {
        assertThat(violationsOf(() -> submit(valid() + ", \"IotInstanceId\": \"" + "i".repeat(65) + "\"")))
                .containsExactly("params.IotInstanceId: must be 1 to 64 characters long; was 65");
    }

    @Test
    void shouldRejectNegativeStartTime() {
        assertThat(violationsOf(() -> submit(times(-1, 1000))))
                .containsExactly("params.StartTime: must be at least 0; was -1");
    }

    @Test
    void shouldAcceptZeroStartTimeAndTheLargestSafeEndTime() {
        assertThatCode(() -> submit(times(0, 1000))).doesNotThrowAnyException();
        assertThatCode(() -> submit(times(9007199254740991L - THREE_DAYS, 9007199254740991L)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectEndTimeAboveTwoToThe53rdMinusOneAsTheVendorWarns() {
        assertThat(violationsOf(() -> submit(times(9007199254740990L, 9007199254740992L)))).containsExactly(
                "params.EndTime: must not be greater than 9007199254740991, because larger values lose precision"
                        + " in serialisation; was 9007199254740992");
    }

    @Test
    void shouldRejectStartTimeBeyondTheInt64RangeWithTheSameRule() {
        String params = times(0, 1000).replace("\"StartTime\": 0", "\"StartTime\": 18446744073709551616");
        assertThat(violationsOf(() -> submit(params))).containsExactly(
                "params.StartTime: must not be greater than 9007199254740991, because larger values lose precision"
                        + " in serialisation; was 18446744073709551616");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e3   | a decimal number",
            "1.5   | a decimal number",
            "1.0   | a decimal number",
            "\"123\" | a string",
            "true  | a boolean",
            "{}    | an object",
    })
    void shouldRejectStartTimeThatIsNotAnIntegerToken(String value, String kind) {
        String params = times(0, 1000).replace("\"StartTime\": 0", "\"StartTime\": " + value);
        assertThat(violationsOf(() -> submit(params))).containsExactly("params.StartTime: must be an integer; was " + kind);
    }

    @Test
    void shouldAcceptARangeOfExactlyThreeDays() {
        assertThatCode(() -> submit(times(START, START + THREE_DAYS))).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptARangeOverThreeDaysBecauseTheBridgeSplitsIt() {
        assertThatCode(() -> submit(times(START, START + THREE_DAYS + 1))).doesNotThrowAnyException();
        assertThatCode(() -> submit(times(START, START + 7 * DAY))).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptARangeOfExactlyThirtyOneDays() {
        assertThatCode(() -> submit(times(START, START + 31 * DAY))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectEndTimeMoreThanThirtyOneDaysAfterStartTimeNamingTheFieldAndTheRule() {
        assertThat(violationsOf(() -> submit(times(START, START + 31 * DAY + 1)))).containsExactly(
                "params.EndTime: must be at most 31 days (2678400000 ms) after params.StartTime;"
                        + " was 31 days 1 ms (2678400001 ms)");
        assertThat(violationsOf(() -> submit(times(START, START + 40 * DAY)))).containsExactly(
                "params.EndTime: must be at most 31 days (2678400000 ms) after params.StartTime; was 40 days");
    }

    @Test
    void shouldTellWhyTheSampleWithTooLongARangeIsRefusedAndAcceptTheSevenDaySample() throws Exception {
        byte[] tooLong = Files.readAllBytes(Path.of("samples/requests/invalid-range-too-long.json"));
        assertThat(violationsOf(() -> requests.validate(tooLong))).containsExactly(
                "params.EndTime: must be at most 31 days (2678400000 ms) after params.StartTime; was 32 days");
        JobRequest week = requests.validate(
                Files.readAllBytes(Path.of("samples/requests/aliyun-download-7-days.json")));
        assertThat(week.params().path("EndTime").asLong() - week.params().path("StartTime").asLong())
                .isEqualTo(7 * DAY);
    }

    @Test
    void shouldRejectEndTimeEqualToStartTime() {
        assertThat(violationsOf(() -> submit(times(START, START))))
                .containsExactly("params.EndTime: must be later than params.StartTime; was equal to it");
    }

    @Test
    void shouldRejectEndTimeBeforeStartTimeOnlyOnce() {
        assertThat(violationsOf(() -> submit(times(START, START - 3_600_000L))))
                .containsExactly("params.EndTime: must be later than params.StartTime; was 1 h earlier");
    }

    @Test
    void shouldSkipTheRangeRulesWhenATimeIsItselfInvalid() {
        assertThat(violationsOf(() -> submit(times(START, -5)))).containsExactly("params.EndTime: must be at least 0; was -5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/x", "..\\\\..\\\\x"})
    void shouldRejectFileNameThatClimbsOutOfTheFolder(String jsonEscaped) {
        assertThat(violationsOf(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"" + jsonEscaped + "\"}")))
                .containsExactly("params.FileConfig.fileName: must not contain '/' or '\\'",
                        "params.FileConfig.fileName: must not start with '.'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a/b         | must not contain '/' or '\\'",
            "/abs/path   | must not contain '/' or '\\'",
            "%2e%2e%2fx  | must not contain a percent-encoded '.', '/' or '\\' (%2e, %2f, %5c)",
            "a%5Cb       | must not contain a percent-encoded '.', '/' or '\\' (%2e, %2f, %5c)",
            "x/../../y   | must not contain '/' or '\\'",
            "a\\u0000b | must not contain control characters",
            "a\\\\b      | must not contain '/' or '\\'",
            ".hidden     | must not start with '.'",
            ".           | must not start with '.'",
            "..          | must not start with '.'",
            "a\\u0001b   | must not contain control characters",
            "a\\nb       | must not contain control characters",
            "``          | must be 1 to 128 characters long; was 0",
    })
    void shouldRejectUnsafeFileName(String jsonEscaped, String rule) {
        assertThat(violationsOf(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"" + jsonEscaped + "\"}")))
                .containsExactly("params.FileConfig.fileName: " + rule);
    }

    @Test
    void shouldRejectFileNameLongerThan128Characters() {
        assertThat(violationsOf(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"" + "f".repeat(129) + "\"}")))
                .containsExactly("params.FileConfig.fileName: must be 1 to 128 characters long; was 129");
        assertThatCode(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"" + "f".repeat(128) + "\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptUnicodeFileName() {
        assertThatCode(() -> submit(valid() + ", \"FileConfig\": {\"fileName\": \"产品信息 2022.csv\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldReportEveryParameterProblemTogether() {
        String params = "\"TableName\": \"\", \"DownloadDataType\": \"VIEW\", \"StartTime\": 9007199254740992,"
                + " \"FileConfig\": {\"fileName\": \".x\", \"extra\": 1}, \"Bogus\": true";
        List<String> violations = violationsOf(() -> submit(params));
        assertThat(violations).containsExactly(
                "params.TableName: must not be blank",
                "params.DownloadDataType: must be TABLE; was 'VIEW'",
                "params.StartTime: must not be greater than 9007199254740991, because larger values lose precision"
                        + " in serialisation; was 9007199254740992",
                "params.EndTime: is required",
                "params.FileConfig.fileName: must not start with '.'",
                "params.FileConfig.extra: unknown field; allowed here: fileName",
                "params.Bogus: unknown field; " + ALLOWED);
    }
}
