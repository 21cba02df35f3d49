package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void shouldUseTheDocumentedDefaultsWhenNoPropertyIsSet() {
        SandboxSettings settings = SandboxSettings.fromProperties(key -> null);

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(18601);
        assertThat(settings.credentials()).containsOnlyKeys("sandbox-ak");
        assertThat(settings.credentials().get("sandbox-ak").reveal()).isEqualTo("sandbox-secret");
        assertThat(settings.initializingFor()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.queuedFor()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.runningFor()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(settings.csvBytes()).isEqualTo(65_536);
        assertThat(settings.failingTables()).isEmpty();
        assertThat(settings.dailyJobLimit()).isEqualTo(3);
        assertThat(settings.urlValidity()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.urlFetchLimit()).isEqualTo(3);
        assertThat(settings.clockSkewAllowed()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldUseTheDocumentedDeviceJobDefaultsWhenNoPropertyIsSet() {
        DeviceJobSettings jobs = SandboxSettings.fromProperties(key -> null).deviceJobs();

        assertThat(jobs.jobRunningFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(jobs.fleetSize()).isEqualTo(2_000);
        assertThat(jobs.distributeRunningFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(jobs.distributeUrlValidity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(jobs.regionId()).isEqualTo("cn-shanghai");
        assertThat(jobs.rateLimits().perSecond()).isEqualTo(Map.of(
                "CreateJob", 5, "QueryJob", 10, "QueryJobStatistics", 5, "ListTask", 5, "ListJob", 5, "CancelJob", 5,
                "CreateDeviceDistributeJob", 5, "QueryDeviceDistributeJob", 10, "QueryDeviceDistributeDetail", 5,
                "ListDeviceDistributeJob", 5));
    }

    @Test
    void shouldReadEveryDeviceJobKey() {
        Map<String, String> properties = Map.of(
                "bridge.sandbox.aliyun.job-running-ms", "10",
                "bridge.sandbox.aliyun.fleet-size", "20",
                "bridge.sandbox.aliyun.distribute-running-ms", "30",
                "bridge.sandbox.aliyun.distribute-url-validity-ms", "40",
                "bridge.sandbox.aliyun.region-id", "cn-beijing",
                "bridge.sandbox.aliyun.qps.ListTask", "50",
                "bridge.sandbox.aliyun.qps.QueryDeviceDistributeJob", "60");

        DeviceJobSettings jobs = SandboxSettings.fromProperties(properties::get).deviceJobs();

        assertThat(jobs.jobRunningFor()).isEqualTo(Duration.ofMillis(10));
        assertThat(jobs.fleetSize()).isEqualTo(20);
        assertThat(jobs.distributeRunningFor()).isEqualTo(Duration.ofMillis(30));
        assertThat(jobs.distributeUrlValidity()).isEqualTo(Duration.ofMillis(40));
        assertThat(jobs.regionId()).isEqualTo("cn-beijing");
        assertThat(jobs.rateLimits().perSecond()).containsEntry("ListTask", 50)
                .containsEntry("QueryDeviceDistributeJob", 60).containsEntry("CreateJob", 5);
    }

    @Test
    void shouldRefuseAFleetOutsideWhatAProductMayHold() {
        DeviceJobSettings jobs = SandboxSettings.defaults().deviceJobs();

        assertThatIllegalArgumentException().isThrownBy(() -> jobs.withFleetSize(0));
        assertThatIllegalArgumentException().isThrownBy(() -> jobs.withFleetSize(100_001));
        assertThatIllegalArgumentException().isThrownBy(() -> jobs.withRateLimits(
                ApiRateLimits.documented().with("CreateJob", -1)));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxSettings.fromProperties(
                Map.of("bridge.sandbox.aliyun.fleet-size", "0")::get));
    }

    @Test
    void shouldDifferFromPropertyDefaultsOnlyByAnEphemeralPortAndPushOff() {
        // Secret has identity equality on purpose, so compare the secrets by value here
        assertThat(SandboxSettings.defaults())
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(Secret::reveal), Secret.class)
                .isEqualTo(SandboxSettings.fromProperties(key -> null).withPort(0).withPushEnabled(false));
    }

    @Test
    void shouldReadEveryKey() {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("bridge.sandbox.host", "0.0.0.0"),
                Map.entry("bridge.sandbox.port", "0"),
                Map.entry("bridge.sandbox.access-key-id", "my-ak"),
                Map.entry("bridge.sandbox.access-key-secret", "my-secret"),
                Map.entry("bridge.sandbox.aliyun.initializing-ms", "1"),
                Map.entry("bridge.sandbox.aliyun.queued-ms", "2"),
                Map.entry("bridge.sandbox.aliyun.running-ms", "3"),
                Map.entry("bridge.sandbox.aliyun.csv-bytes", "4096"),
                Map.entry("bridge.sandbox.aliyun.failing-tables", " broken , worse ,"),
                Map.entry("bridge.sandbox.aliyun.daily-job-limit", "10"),
                Map.entry("bridge.sandbox.aliyun.url-validity-ms", "60000"),
                Map.entry("bridge.sandbox.aliyun.url-fetch-limit", "7"),
                Map.entry("bridge.sandbox.clock-skew-ms", "1000"));

        SandboxSettings settings = SandboxSettings.fromProperties(properties::get);

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isZero();
        assertThat(settings.credentials().get("my-ak").reveal()).isEqualTo("my-secret");
        assertThat(settings.initializingFor()).isEqualTo(Duration.ofMillis(1));
        assertThat(settings.queuedFor()).isEqualTo(Duration.ofMillis(2));
        assertThat(settings.runningFor()).isEqualTo(Duration.ofMillis(3));
        assertThat(settings.csvBytes()).isEqualTo(4096);
        assertThat(settings.failingTables()).isEqualTo(Set.of("broken", "worse"));
        assertThat(settings.dailyJobLimit()).isEqualTo(10);
        assertThat(settings.urlValidity()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.urlFetchLimit()).isEqualTo(7);
        assertThat(settings.clockSkewAllowed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldNameTheKeyButNotTheValueOfAMalformedNumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SandboxSettings.fromProperties(
                        Map.of("bridge.sandbox.aliyun.csv-bytes", "lots")::get))
                .withMessageContaining("bridge.sandbox.aliyun.csv-bytes")
                .withMessageNotContaining("lots");
    }

    @Test
    void shouldRefuseOutOfRangeValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxSettings.defaults().withPort(70_000));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxSettings.defaults().withCsvBytes(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxSettings.fromProperties(
                Map.of("bridge.sandbox.port", "4294967297")::get));
    }

    @Test
    void shouldKeepSecretsOutOfToString() {
        SandboxSettings settings = SandboxSettings.fromProperties(
                Map.of("bridge.sandbox.access-key-secret", "very-secret-value")::get);

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("sandbox-ak");
    }
}
