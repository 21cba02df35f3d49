package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.iotjobbridge.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;

class HuaweiSandboxSettingsTest {

    private static final Set<String> ACTIONS = Set.of("ListBatchTasks", "ShowBatchTask", "CreateBatchTask",
            "CreateExportTask", "ListExportTasks", "ShowExportTask");

    @Test
    void shouldUseTheDocumentedDefaultsWhenNoPropertyIsSet() {
        HuaweiSandboxSettings settings = SandboxSettings.fromProperties(key -> null).huawei();

        assertThat(settings.regionId()).isEqualTo("cn-north-4");
        assertThat(settings.exportRunningFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.batchRunningFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.seededBatchTasks()).isEqualTo(120);
        assertThat(settings.failingBatchTasks()).isEmpty();
        assertThat(settings.exportUnfinishedLimit()).isEqualTo(5);
        assertThat(settings.exportKeptLimit()).isEqualTo(50);
        assertThat(settings.downloadInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.qpsLimits()).containsOnlyKeys(ACTIONS).allSatisfy((action, limit) ->
                assertThat(limit).isEqualTo(50));
    }

    @Test
    void shouldReadEveryKey() {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("bridge.sandbox.huawei.region-id", "ap-southeast-1"),
                Map.entry("bridge.sandbox.huawei.export-running-ms", "1000"),
                Map.entry("bridge.sandbox.huawei.batch-running-ms", "2000"),
                Map.entry("bridge.sandbox.huawei.seeded-batch-tasks", "300"),
                Map.entry("bridge.sandbox.huawei.failing-batch-tasks", " aa649c320000000000000001 , b ,"),
                Map.entry("bridge.sandbox.huawei.export-unfinished-limit", "2"),
                Map.entry("bridge.sandbox.huawei.export-kept-limit", "10"),
                Map.entry("bridge.sandbox.huawei.download-interval-ms", "5000"),
                Map.entry("bridge.sandbox.huawei.qps.ListBatchTasks", "7"),
                Map.entry("bridge.sandbox.huawei.qps.ShowExportTask", "1"));

        HuaweiSandboxSettings settings = SandboxSettings.fromProperties(properties::get).huawei();

        assertThat(settings.regionId()).isEqualTo("ap-southeast-1");
        assertThat(settings.exportRunningFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.batchRunningFor()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.seededBatchTasks()).isEqualTo(300);
        assertThat(settings.failingBatchTasks()).containsExactlyInAnyOrder("aa649c320000000000000001", "b");
        assertThat(settings.exportUnfinishedLimit()).isEqualTo(2);
        assertThat(settings.exportKeptLimit()).isEqualTo(10);
        assertThat(settings.downloadInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.qpsLimitOf("ListBatchTasks")).isEqualTo(7);
        assertThat(settings.qpsLimitOf("ShowExportTask")).isEqualTo(1);
        assertThat(settings.qpsLimitOf("CreateExportTask")).isEqualTo(50);
    }

    @Test
    void shouldChangeOneThingPerWither() {
        HuaweiSandboxSettings base = SandboxSettings.defaults().huawei();

        HuaweiSandboxSettings changed = base.withQps("CreateBatchTask", 2).withExportLimits(1, 3)
                .withDownloadInterval(Duration.ZERO).withSeededBatchTasks(0);

        assertThat(changed.qpsLimitOf("CreateBatchTask")).isEqualTo(2);
        assertThat(changed.qpsLimitOf("ListBatchTasks")).isEqualTo(50);
        assertThat(changed.exportUnfinishedLimit()).isEqualTo(1);
        assertThat(changed.exportKeptLimit()).isEqualTo(3);
        assertThat(changed.downloadInterval()).isZero();
        assertThat(changed.seededBatchTasks()).isZero();
        assertThat(changed.regionId()).isEqualTo(base.regionId());
    }

    @Test
    void shouldRefuseNonsense() {
        HuaweiSandboxSettings base = SandboxSettings.defaults().huawei();

        assertThatIllegalArgumentException().isThrownBy(() -> base.withQps("RebootEverything", 5))
                .withMessageContaining("RebootEverything");
        assertThatIllegalArgumentException().isThrownBy(() -> base.withQps("ListBatchTasks", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> base.withExportLimits(0, 50));
        assertThatIllegalArgumentException().isThrownBy(() -> base.withSeededBatchTasks(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> base.withRegionId(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxSettings.fromProperties(
                Map.of("bridge.sandbox.huawei.download-interval-ms", "-1")::get));
    }

    @Test
    void shouldDescribeItselfWithoutTheSandboxSecrets() {
        SandboxSettings settings = SandboxSettings.fromProperties(
                Map.of("bridge.sandbox.access-key-secret", "very-secret-value")::get);

        assertThat(settings.huawei().toString()).contains("regionId=cn-north-4", "qpsLimits={CreateBatchTask=50")
                .doesNotContain("very-secret-value");
        assertThat(settings.toString()).doesNotContain("very-secret-value");
    }
}
