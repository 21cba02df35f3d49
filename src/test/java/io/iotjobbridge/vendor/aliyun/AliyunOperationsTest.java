package io.iotjobbridge.vendor.aliyun;

import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.aliyun.iot20180120.models.CancelJobRequest;
import com.aliyun.iot20180120.models.CreateDownloadDataJobRequest;
import com.aliyun.iot20180120.models.CreateJobRequest;
import com.aliyun.iot20180120.models.GetDownloadFileRequest;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.ListJobRequest;
import com.aliyun.iot20180120.models.ListTaskRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeDetailRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.QueryJobRequest;
import com.aliyun.iot20180120.models.QueryJobStatisticsRequest;
import com.aliyun.tea.NameInMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.request.spec.Validation;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;

/** The Alibaba table against the official SDK's own request models (test scope only). */
class AliyunOperationsTest {

    private static Set<String> sdkParameterNames(Class<?> model) {
        return Arrays.stream(model.getFields()).map(f -> f.getAnnotation(NameInMap.class))
                .filter(a -> a != null).map(NameInMap::value).collect(Collectors.toSet());
    }

    @Test
    void shouldDeclareExactlyTheParametersOfTheSdkModels() {
        assertThat(AliyunOperations.CREATE_DOWNLOAD_DATA_JOB.params().fieldNames())
                .containsExactlyInAnyOrderElementsOf(sdkParameterNames(CreateDownloadDataJobRequest.class));
        assertThat(AliyunOperations.GET_DOWNLOAD_FILE.params().fieldNames())
                .containsExactlyInAnyOrderElementsOf(sdkParameterNames(GetDownloadFileRequest.class));
        Map.of(AliyunOperations.CREATE_JOB, CreateJobRequest.class,
                AliyunOperations.QUERY_JOB, QueryJobRequest.class,
                AliyunOperations.QUERY_JOB_STATISTICS, QueryJobStatisticsRequest.class,
                AliyunOperations.LIST_TASK, ListTaskRequest.class,
                AliyunOperations.LIST_JOB, ListJobRequest.class,
                AliyunOperations.CANCEL_JOB, CancelJobRequest.class,
                AliyunOperations.QUERY_DEVICE_DISTRIBUTE_JOB, QueryDeviceDistributeJobRequest.class,
                AliyunOperations.QUERY_DEVICE_DISTRIBUTE_DETAIL, QueryDeviceDistributeDetailRequest.class,
                AliyunOperations.LIST_DEVICE_DISTRIBUTE_JOB, ListDeviceDistributeJobRequest.class)
                .forEach((action, model) -> assertThat(action.params().fieldNames()).as(action.name())
                        .containsExactlyInAnyOrderElementsOf(sdkParameterNames(model)));
    }

    @Test
    void shouldBudgetEachJobApiAtItsDocumentedQps() {
        assertThat(AliyunOperations.QPS).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CreateJob", 5, "QueryJob", 10, "QueryJobStatistics", 5, "ListTask", 5, "ListJob", 5, "CancelJob", 5,
                "CreateDeviceDistributeJob", 5, "QueryDeviceDistributeJob", 10, "QueryDeviceDistributeDetail", 5,
                "ListDeviceDistributeJob", 5));
    }

    @Test
    void shouldRefuseAGetWithBodyParameters() {
        assertThatThrownBy(() -> new AliyunOperations.AliyunAction("X", "GET", object(optional("A", string())),
                Set.of("A"), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPlaceParametersWhereTheTeaSdkPutsThem() {
        var create = AliyunOperations.CREATE_DOWNLOAD_DATA_JOB;
        assertThat(create.bodyParams()).containsExactlyInAnyOrder("Context", "IotInstanceId");
        assertThat(create.jsonParams()).containsExactlyInAnyOrder("Context", "FileConfig");
        assertThat(create.params().fieldNames().stream().filter(p -> !create.inBody(p)))
                .containsExactlyInAnyOrder("DownloadDataType", "EndTime", "FileConfig", "StartTime", "TableName");
        var get = AliyunOperations.GET_DOWNLOAD_FILE;
        assertThat(get.params().fieldNames().stream().filter(p -> !get.inBody(p))).containsExactly("LongJobId");
        assertThat(get.asJson("Context")).isTrue();
        assertThat(get.asJson("LongJobId")).isFalse();
    }

    @Test
    void shouldLetRequestsStartOnlyTheJobStartingAndWatchingOperations() {
        assertThat(AliyunOperations.TABLE.vendor()).isEqualTo(Vendor.ALIYUN);
        assertThat(AliyunOperations.TABLE.operations()).extracting(op -> op.name())
                .containsExactly("CreateDownloadDataJob", "CreateJob", "QueryDeviceDistributeJob");
        assertThat(AliyunOperations.action("GetDownloadFile")).contains(AliyunOperations.GET_DOWNLOAD_FILE);
        assertThat(AliyunOperations.action("ListTask")).contains(AliyunOperations.LIST_TASK);
        assertThat(AliyunOperations.action("ListJob")).contains(AliyunOperations.LIST_JOB);
        assertThat(AliyunOperations.action("DeleteJob")).isEmpty();
    }

    @Test
    void shouldRequireLongJobIdForGetDownloadFile() throws Exception {
        List<String> out = new ArrayList<>();
        AliyunOperations.GET_DOWNLOAD_FILE.params().check(new ObjectMapper().readTree("{\"Context\": 1}"), "params",
                new Validation(Clock.systemUTC(), (f, r) -> out.add(f + ": " + r)));
        assertThat(out).containsExactly("params.LongJobId: is required", "params.Context: must be an object; was an integer");
    }

    @Test
    void shouldRefuseToPlaceAnUndeclaredParameter() {
        assertThatThrownBy(() -> new AliyunOperations.AliyunAction("X", object(optional("A", string())),
                Set.of("B"), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
