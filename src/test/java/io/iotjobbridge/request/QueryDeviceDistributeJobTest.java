package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The params of Alibaba QueryDeviceDistributeJob, which a request uses to watch an existing distribution job. */
class QueryDeviceDistributeJobTest {

    private final RequestParser parser = new RequestParser();
    private final RequestValidator validator = new RequestValidator(OperationCatalog.of(AliyunOperations.TABLE),
            (vendor, account) -> account.equals("default"), Set.of("default"), Clock.systemUTC());

    private void submit(String paramsJson) {
        String document = """
                {"vendor": "aliyun", "account": "default", "operation": "QueryDeviceDistributeJob",
                 "params": {%s}}""".formatted(paramsJson);
        validator.validate(parser.parse(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAcceptTheSampleRequest() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("samples/requests/aliyun-watch-distribution.json"));
        assertThatCode(() -> validator.validate(parser.parse(sample))).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptTheDocExampleId() {
        assertThatCode(() -> submit("\"JobId\": \"UbmsMHmkqv0PiAG****010001\"")).doesNotThrowAnyException();
    }

    @Test
    void shouldRequireJobId() {
        assertThat(violationsOf(() -> submit(""))).containsExactly("params.JobId: is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                  | must be 1 to 64 characters long; was 0",
            "`Ubms 010001`       | must be printable ASCII without spaces",
            "`Ubms\\t010001`     | must be printable ASCII without spaces",
            "`任务010001`         | must be printable ASCII without spaces",
    })
    void shouldRejectAJobIdThatCannotBeOne(String jsonEscaped, String rule) {
        assertThat(violationsOf(() -> submit("\"JobId\": \"" + jsonEscaped + "\"")))
                .containsExactly("params.JobId: " + rule);
    }

    @Test
    void shouldRejectAJobIdLongerThan64Characters() {
        assertThat(violationsOf(() -> submit("\"JobId\": \"" + "U".repeat(65) + "\"")))
                .containsExactly("params.JobId: must be 1 to 64 characters long; was 65");
    }

    @Test
    void shouldRejectParametersTheActionDoesNotHave() {
        assertThat(violationsOf(() -> submit("\"JobId\": \"U1\", \"IotInstanceId\": \"iot-1\"")))
                .containsExactly("params.IotInstanceId: unknown field; allowed here: JobId");
    }
}
