package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.iotda.v5.model.ListBatchTasksRequest;
import io.iotjobbridge.request.OperationSpec;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;

/** The Huawei table: what requests may start, where each parameter goes, and its agreement with the official SDK. */
class HuaweiOperationsTest {

    @Test
    void shouldLetRequestsStartExactlyCreateExportTaskAndListBatchTasks() {
        assertThat(HuaweiOperations.TABLE.vendor()).isEqualTo(Vendor.HUAWEI);
        assertThat(HuaweiOperations.TABLE.operations()).extracting(OperationSpec::name)
                .containsExactly("CreateExportTask", "ListBatchTasks");
    }

    @Test
    void shouldDeclareTheQueryParametersOfTheSdksListBatchTasksRequest() {
        // the SDK's request model also carries the Instance-Id header, which the bridge sends from the account
        var sdkQuery = Arrays.stream(ListBatchTasksRequest.class.getDeclaredFields())
                .map(f -> f.getAnnotation(JsonProperty.class)).filter(Objects::nonNull).map(JsonProperty::value)
                .filter(name -> !name.equals("Instance-Id")).toList();
        assertThat(HuaweiOperations.LIST_BATCH_TASKS.params().fieldNames())
                .containsExactlyInAnyOrderElementsOf(sdkQuery);
        assertThat(HuaweiOperations.LIST_BATCH_TASKS.queryParams()).containsExactlyInAnyOrderElementsOf(sdkQuery);
    }

    @Test
    void shouldSendCreateExportTaskParametersInTheBodyAndListParametersInTheQuery() {
        assertThat(HuaweiOperations.CREATE_EXPORT_TASK.queryParams()).isEmpty();
        assertThat(HuaweiOperations.CREATE_EXPORT_TASK.method()).isEqualTo("POST");
        assertThat(HuaweiOperations.LIST_EXPORT_TASKS.queryParams()).containsExactlyInAnyOrder("limit", "marker",
                "offset");
        var params = new ObjectMapper().createObjectNode().put("task_type", "firmwareUpgrade").put("limit", 50)
                .put("offset", 500);
        assertThat(HuaweiOperations.LIST_BATCH_TASKS.query(params)).containsExactly(
                Map.entry("task_type", "firmwareUpgrade"), Map.entry("limit", "50"), Map.entry("offset", "500"));
    }

    @Test
    void shouldFillAndEncodeTheExportFilePath() {
        assertThat(HuaweiOperations.SHOW_EXPORT_TASK.resourcePath(Map.of("export_task_id", "5f43 3c/e0")))
                .isEqualTo("export-tasks/5f43%203c%2Fe0/file");
        assertThatThrownBy(() -> HuaweiOperations.SHOW_EXPORT_TASK.resourcePath(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{export_task_id}");
    }

    @Test
    void shouldBudgetEveryApiItCallsAtTheAssumedRate() {
        assertThat(HuaweiOperations.QPS).containsOnlyKeys("CreateExportTask", "ListExportTasks", "ShowExportTask",
                "ListBatchTasks").allSatisfy((api, qps) -> assertThat(qps).isEqualTo(10));
    }
}
