package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The params and options rules of Huawei ListBatchTasks (seed page "查询批量任务列表"), through parser and validator. */
class ListBatchTasksTest {

    private static final String TYPES = "softwareUpgrade, firmwareUpgrade, createDevices, deleteDevices, "
            + "freezeDevices, unfreezeDevices, createCommands, createAsyncCommands, createMessages, "
            + "updateDeviceShadows, updateDevices";
    private static final String FIRMWARE = "\"task_type\": \"firmwareUpgrade\"";

    private final OperationRequests requests = new OperationRequests(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));

    private void submit(String paramsJson, String optionsJson) {
        requests.submit("huawei", "ListBatchTasks", paramsJson, optionsJson);
    }

    private void submit(String paramsJson) {
        submit(paramsJson, "");
    }

    @Test
    void shouldAcceptEveryParameterAndOption() {
        assertThatCode(() -> submit(FIRMWARE + """
                , "app_id": "jeQDJQZltU8iKgFFoW060F5SGZka", "status": "Success", "limit": 50, "offset": 500,
                "marker": "5c90fa7d3c4e4405e8525079\"""", """
                "waitUntilFinished": true, "exportFinished": true, "extractEntries": true, "maxTasks": 100000"""))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptJustTheTaskType() {
        assertThatCode(() -> submit(FIRMWARE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"softwareUpgrade", "firmwareUpgrade", "createDevices", "deleteDevices", "freezeDevices",
            "unfreezeDevices", "createCommands", "createAsyncCommands", "createMessages", "updateDeviceShadows",
            "updateDevices"})
    void shouldAcceptEveryDocumentedTaskType(String type) {
        assertThatCode(() -> submit("\"task_type\": \"" + type + "\"")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Initializing", "Waitting", "Processing", "Success", "Fail", "PartialSuccess", "Stopped"})
    void shouldAcceptEveryDocumentedStatus(String status) {
        assertThatCode(() -> submit(FIRMWARE + ", \"status\": \"" + status + "\"")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"limit\": 1, \"offset\": 0", "\"limit\": 50, \"offset\": 500",
            "\"marker\": \"ffffffffffffffffffffffff\"", "\"marker\": \"5C90FA7D3C4E4405E8525079\""})
    void shouldAcceptThePagingBoundaries(String paging) {
        assertThatCode(() -> submit(FIRMWARE + ", " + paging)).doesNotThrowAnyException();
    }

    @Test
    void shouldRequireTheTaskType() {
        assertThat(violationsOf(() -> submit("\"status\": \"Success\"")))
                .containsExactly("params.task_type: is required");
    }

    @Test
    void shouldRejectAnUndocumentedTaskType() {
        assertThat(violationsOf(() -> submit("\"task_type\": \"FirmwareUpgrade\"")))
                .containsExactly("params.task_type: must be one of " + TYPES + "; was 'FirmwareUpgrade'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Waiting", "Stopping", "success"})
    void shouldRejectAnUndocumentedStatus(String status) {
        assertThat(violationsOf(() -> submit(FIRMWARE + ", \"status\": \"" + status + "\"")))
                .containsExactly("params.status: must be one of Initializing, Waitting, Processing, Success, Fail, "
                        + "PartialSuccess, Stopped; was '" + status + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"limit\": 0      | params.limit: must be at least 1; was 0",
            "\"limit\": 51     | params.limit: must be at most 50; was 51",
            "\"limit\": \"10\" | params.limit: must be an integer; was a string",
            "\"offset\": -1    | params.offset: must be at least 0; was -1",
            "\"offset\": 501   | params.offset: must be at most 500; was 501",
            "\"offset\": 1.5   | params.offset: must be an integer; was a decimal number"})
    void shouldRejectPagingOutOfRange(String param, String violation) {
        assertThat(violationsOf(() -> submit(FIRMWARE + ", " + param))).containsExactly(violation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5c90fa7d3c4e4405e852507                   | params.marker: must be exactly 24 characters long; was 23",
            "5c90fa7d3c4e4405e85250790                 | params.marker: must be exactly 24 characters long; was 25",
            "5c90fa7d3c4e4405e852507g                  | params.marker: must be hexadecimal (0-9, a-f)"})
    void shouldRejectAMarkerThatIsNot24HexCharacters(String marker, String violation) {
        assertThat(violationsOf(() -> submit(FIRMWARE + ", \"marker\": \"" + marker + "\"")))
                .containsExactly(violation);
    }

    @Test
    void shouldRejectAnAppIdLongerThan36Characters() {
        assertThat(violationsOf(() -> submit(FIRMWARE + ", \"app_id\": \"" + "a".repeat(37) + "\"")))
                .containsExactly("params.app_id: must be 1 to 36 characters long; was 37");
    }

    @Test
    void shouldRejectAnAppIdWithOtherCharacters() {
        assertThat(violationsOf(() -> submit(FIRMWARE + ", \"app_id\": \"a b\"")))
                .containsExactly("params.app_id: must use only letters A-Z a-z, digits, '_' and '-'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"waitUntilFinished\": \"true\"                        | waitUntilFinished",
            "\"exportFinished\": \"true\"                           | exportFinished",
            "\"exportFinished\": true, \"extractEntries\": \"true\" | extractEntries"})
    void shouldRejectABooleanOptionThatIsNotABoolean(String options, String option) {
        assertThat(violationsOf(() -> submit(FIRMWARE, options)))
                .containsExactly("options." + option + ": must be true or false; was a string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0      | options.maxTasks: must be at least 1; was 0",
            "100001 | options.maxTasks: must be at most 100000; was 100001"})
    void shouldRejectAMaxTasksOutOfRange(long maxTasks, String violation) {
        assertThat(violationsOf(() -> submit(FIRMWARE, "\"maxTasks\": " + maxTasks))).containsExactly(violation);
    }

    @Test
    void shouldAcceptTheMaxTasksBoundaries() {
        assertThatCode(() -> submit(FIRMWARE, "\"maxTasks\": 1")).doesNotThrowAnyException();
        assertThatCode(() -> submit(FIRMWARE, "\"maxTasks\": 100000")).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectExtractEntriesWithoutExportFinished() {
        String rule = "options.extractEntries: takes effect only together with exportFinished: true"
                + " (it is passed on to the exports that option starts)";
        assertThat(violationsOf(() -> submit(FIRMWARE, "\"extractEntries\": true"))).containsExactly(rule);
        assertThat(violationsOf(() -> submit(FIRMWARE, "\"extractEntries\": true, \"exportFinished\": false")))
                .containsExactly(rule);
        assertThatCode(() -> submit(FIRMWARE, "\"extractEntries\": false")).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertThat(violationsOf(() -> submit(FIRMWARE, "\"waitUntilDone\": true")))
                .containsExactly("options.waitUntilDone: unknown field; allowed here: waitUntilFinished, "
                        + "exportFinished, extractEntries, maxTasks");
    }
}
