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
import java.util.Set;
import java.util.stream.Collectors;

import com.aliyun.iot20180120.models.CreateDownloadDataJobRequest;
import com.aliyun.iot20180120.models.GetDownloadFileRequest;
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
