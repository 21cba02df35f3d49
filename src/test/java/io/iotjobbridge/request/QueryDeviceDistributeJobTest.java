package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The params of Alibaba QueryDeviceDistributeJob, which a request uses to watch an existing distribution job. */
class QueryDeviceDistributeJobTest {

    private final OperationRequests requests = new OperationRequests(Clock.systemUTC());

    private void submit(String paramsJson) {
        requests.submit("aliyun", "QueryDeviceDistributeJob", paramsJson, "");
    }

    @Test
    void shouldAcceptTheSampleRequest() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("samples/requests/aliyun-watch-distribution.json"));
        assertThatCode(() -> requests.validate(sample)).doesNotThrowAnyException();
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
