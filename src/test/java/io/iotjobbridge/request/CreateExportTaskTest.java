package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The params and options rules of Huawei CreateExportTask (seed page "CreateExportTask"), parsed and validated. */
class CreateExportTaskTest {

    private static final String ALLOWED =
            "allowed here: resource_type, resource_condition, export_format, app_type, app_id";
    private static final String TASK = "\"resource_type\": \"BatchTask\", "
            + "\"resource_condition\": {\"task_id\": \"5f433ce0c24389024365fdfa\"}";

    private final OperationRequests requests = new OperationRequests(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));

    /** Parses a JSON request with these params and options (the text between the braces) and validates it. */
    private void submit(String paramsJson, String optionsJson) {
        requests.submit("huawei", "CreateExportTask", paramsJson, optionsJson);
    }

    private void submit(String paramsJson) {
        submit(paramsJson, "");
    }

    @Test
    void shouldAcceptTheDocExampleWithEveryParameter() {
        assertThatCode(() -> submit(TASK + """
                , "export_format": "xls", "app_type": "APP", "app_id": "jeQDJQZltU8iKgFFoW060F5SGZka\"""",
                "\"extractEntries\": true")).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptOnlyTheTwoRequiredParameters() {
        assertThatCode(() -> submit(TASK)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptTheLongestTaskIdAndAppId() {
        assertThatCode(() -> submit("\"resource_type\": \"BatchTask\", \"resource_condition\": {\"task_id\": \""
                + "a".repeat(24) + "\"}, \"app_type\": \"GLOBAL\", \"app_id\": \"" + "A_-9".repeat(9) + "\""))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"resource_type", "resource_condition"})
    void shouldRejectAMissingRequiredParameter(String name) {
        String params = name.equals("resource_type")
                ? "\"resource_condition\": {\"task_id\": \"5f433ce0c24389024365fdfa\"}"
                : "\"resource_type\": \"BatchTask\"";
        assertThat(violationsOf(() -> submit(params))).containsExactly("params." + name + ": is required");
    }

    @Test
    void shouldRejectAResourceTypeOtherThanBatchTask() {
        assertThat(violationsOf(() -> submit(TASK.replace("\"BatchTask\"", "\"BatchTasks\""))))
                .containsExactly("params.resource_type: must be BatchTask; was 'BatchTasks'");
    }

    @Test
    void shouldRejectAResourceConditionThatIsNotAnObject() {
        // the SDK's sample sends the condition as a JSON string; the API page says Object, so the bridge wants one
        assertThat(violationsOf(() -> submit("\"resource_type\": \"BatchTask\", "
                + "\"resource_condition\": \"{\\\"task_id\\\":\\\"5f433ce0c24389024365fdfa\\\"}\"")))
                .containsExactly("params.resource_condition: must be an object; was a string");
    }

    @Test
    void shouldRejectAResourceConditionWithoutTaskId() {
        assertThat(violationsOf(() -> submit("\"resource_type\": \"BatchTask\", \"resource_condition\": {}")))
                .containsExactly("params.resource_condition.task_id: is required");
    }

    @Test
    void shouldRejectAnythingButTaskIdInTheResourceCondition() {
        assertThat(violationsOf(() -> submit(TASK.replace("}", ", \"status\": \"Success\"}"))))
                .containsExactly("params.resource_condition.status: unknown field; allowed here: task_id");
    }

    @Test
    void shouldRejectATaskIdLongerThan24Characters() {
        assertThat(violationsOf(() -> submit(TASK.replace("5f433ce0c24389024365fdfa", "a".repeat(25)))))
                .containsExactly("params.resource_condition.task_id: must be 1 to 24 characters long; was 25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5F433CE0C24389024365FDFA", "5f433ce0c24389024365fdfg", "../etc/passwd"})
    void shouldRejectATaskIdThatIsNotLowerCaseHex(String taskId) {
        assertThat(violationsOf(() -> submit(TASK.replace("5f433ce0c24389024365fdfa", taskId))))
                .containsExactly("params.resource_condition.task_id: must use only the characters a-f and 0-9"
                        + " (a lower-case hexadecimal id)");
    }

    @Test
    void shouldRejectAnExportFormatOtherThanXls() {
        assertThat(violationsOf(() -> submit(TASK + ", \"export_format\": \"csv\"")))
                .containsExactly("params.export_format: must be xls; was 'csv'");
    }

    @Test
    void shouldRejectAnAppTypeOtherThanGlobalOrApp() {
        assertThat(violationsOf(() -> submit(TASK + ", \"app_type\": \"global\"")))
                .containsExactly("params.app_type: must be one of GLOBAL, APP; was 'global'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "37 | params.app_id: must be 1 to 36 characters long; was 37",
            "0  | params.app_id: must be 1 to 36 characters long; was 0"})
    void shouldRejectAnAppIdOfTheWrongLength(int length, String violation) {
        assertThat(violationsOf(() -> submit(TASK + ", \"app_id\": \"" + "a".repeat(length) + "\"")))
                .containsExactly(violation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my app", "app.1", "app/1", "应用"})
    void shouldRejectAnAppIdWithOtherCharacters(String appId) {
        assertThat(violationsOf(() -> submit(TASK + ", \"app_id\": \"" + appId + "\"")))
                .containsExactly("params.app_id: must use only letters A-Z a-z, digits, '_' and '-'");
    }

    @Test
    void shouldRejectAnUnknownParameter() {
        assertThat(violationsOf(() -> submit(TASK + ", \"task_id\": \"5f433ce0c24389024365fdfa\"")))
                .containsExactly("params.task_id: unknown field; " + ALLOWED);
    }

    @Test
    void shouldRejectAnExtractEntriesOptionThatIsNotABoolean() {
        assertThat(violationsOf(() -> submit(TASK, "\"extractEntries\": \"yes\"")))
                .containsExactly("options.extractEntries: must be true or false; was a string");
    }

    @Test
    void shouldRejectAnUnknownOptionAndSuggestTheCloseOne() {
        assertThat(violationsOf(() -> submit(TASK, "\"extractEntrys\": true")))
                .containsExactly("options.extractEntrys: unknown field (did you mean 'extractEntries'?); "
                        + "allowed here: extractEntries");
    }
}
