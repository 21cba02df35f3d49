package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushMappingTest {

    private final AliyunPushMapping aliyun = new AliyunPushMapping();
    private final HuaweiPushMapping huawei = new HuaweiPushMapping();

    @Test
    void shouldReadTheAssumedDopMessage() throws Exception {
        PushedStatus status = aliyun.read("acct", Map.of("messageId", "1234567890123456789"),
                bytes("{\"jobId\":\"65f2a0c1b2c3d4e5f6a7b8c9\",\"status\":1}"));

        assertThat(status).isEqualTo(new PushedStatus(Vendor.ALIYUN, "acct", "65f2a0c1b2c3d4e5f6a7b8c9",
                new JobStatus.Succeeded("1 (succeeded)"), "1234567890123456789"));
    }

    @ParameterizedTest
    @CsvSource({"-1,Running", "3,Running", "0,Running", "2,Failed", "4,Failed", "9,Failed"})
    void shouldMapTheDownloadStatusesAsGetDownloadFileDoes(int wire, String kind) throws Exception {
        PushedStatus status = aliyun.read("a", Map.of("messageId", "1"),
                bytes("{\"jobId\":\"j\",\"status\":" + wire + "}"));

        assertThat(status.status().getClass().getSimpleName()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"status\":1}", "{\"jobId\":7,\"status\":1}",
        "{\"jobId\":\"j\"}", "{\"jobId\":\"j\",\"status\":\"1\"}", "{\"jobId\":\"j\",\"status\":1.5}"})
    void shouldRefuseAnAliyunBodyOfAnotherShapeWithoutQuotingIt(String body) {
        assertThatThrownBy(() -> aliyun.read("a", Map.of("messageId", "1"), bytes(body)))
                .isInstanceOf(UnreadablePush.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body));
    }

    @Test
    void shouldRefuseAnAliyunMessageWithoutMessageId() {
        assertThatThrownBy(() -> aliyun.read("a", Map.of(), bytes("{\"jobId\":\"j\",\"status\":1}")))
                .isInstanceOf(UnreadablePush.class).hasMessageContaining("messageId");
    }

    @ParameterizedTest
    @CsvSource({"Initializing,Running", "Waitting,Running", "Processing,Running", "Stopping,Running",
        "Success,Succeeded", "PartialSuccess,Succeeded", "Fail,Failed", "Stopped,Failed"})
    void shouldMapEveryBatchTaskStatus(String wire, String kind) throws Exception {
        PushedStatus status = huawei.read("h", Map.of(), bytes(event("t-1", wire)));

        assertThat(status.status().getClass().getSimpleName()).isEqualTo(kind);
        assertThat(status.status().vendorStatus()).isEqualTo(wire);
        assertThat(status.vendorJobId()).isEqualTo("t-1");
        assertThat(status.messageId()).isEqualTo("req-1");
        assertThat(status.vendor()).isEqualTo(Vendor.HUAWEI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"resource\":\"device\",\"event\":\"update\"}",
        "{\"resource\":\"batchtask\",\"event\":\"create\"}",
        "{\"resource\":\"batchtask\",\"event\":\"update\",\"notify_data\":{\"body\":{\"task_id\":\"t\"}}}"})
    void shouldRefuseAnythingButABatchTaskUpdate(String body) {
        assertThatThrownBy(() -> huawei.read("h", Map.of(), bytes(body))).isInstanceOf(UnreadablePush.class);
    }

    @Test
    void shouldRefuseAnUndocumentedBatchTaskStatusRatherThanGuess() {
        assertThatThrownBy(() -> huawei.read("h", Map.of(), bytes(event("t", "Exploded"))))
                .isInstanceOf(UnreadablePush.class).hasMessageContaining("undocumented");
    }

    private static String event(String taskId, String status) {
        return "{\"resource\":\"batchtask\",\"event\":\"update\",\"event_time\":\"20240520T080004Z\","
                + "\"request_id\":\"req-1\",\"notify_data\":{\"body\":{\"task_id\":\"" + taskId
                + "\",\"task_type\":\"softwareUpgrade\",\"status\":\"" + status + "\"}}}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
