package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.iotjobbridge.sandbox.SandboxProperties;

/**
 * How the Huawei IoTDA part of the sandbox behaves ({@code bridge.sandbox.huawei.*}). It shares the AK/SK pairs and
 * the allowed clock skew with the Alibaba part.
 *
 * @param regionId              the region a derived ({@code V11-HMAC-SHA256}) signature must be scoped to
 * @param exportRunningFor      how long an export task stays {@code Processing}
 * @param batchRunningFor       how long a batch task takes from creation to its last device finishing
 * @param seededBatchTasks      batch tasks each (AK, project, instance) scope finds on first access
 * @param failingBatchTasks     batch task ids whose export tasks end {@code Failed}
 * @param exportUnfinishedLimit export tasks one scope may have {@code Processing} at once (the vendor allows 5)
 * @param exportKeptLimit       export tasks one scope keeps; creating one more deletes the oldest (the vendor keeps 50)
 * @param downloadInterval      how long after one export file download the scope must wait for the next (30 s)
 * @param qpsLimits             calls per second per AK and API, by SDK action name; APIs not named allow
 *                              {@link #DEFAULT_QPS}
 */
public record HuaweiSandboxSettings(String regionId, Duration exportRunningFor, Duration batchRunningFor,
                                    int seededBatchTasks, Set<String> failingBatchTasks, int exportUnfinishedLimit,
                                    int exportKeptLimit, Duration downloadInterval, Map<String, Integer> qpsLimits) {

    public static final String DEFAULT_REGION_ID = "cn-north-4";
    /** No per-API figure is published for these APIs, so every one gets the same generous limit. */
    public static final int DEFAULT_QPS = 50;

    public HuaweiSandboxSettings {
        if (regionId == null || regionId.isBlank()) {
            throw new IllegalArgumentException("regionId must not be blank");
        }
        requireNotNegative(exportRunningFor, "exportRunningFor");
        requireNotNegative(batchRunningFor, "batchRunningFor");
        requireNotNegative(downloadInterval, "downloadInterval");
        if (seededBatchTasks < 0) {
            throw new IllegalArgumentException("seededBatchTasks must not be negative: " + seededBatchTasks);
        }
        if (exportUnfinishedLimit < 1 || exportKeptLimit < 1) {
            throw new IllegalArgumentException("export limits must be at least 1");
        }
        failingBatchTasks = Set.copyOf(Objects.requireNonNull(failingBatchTasks, "failingBatchTasks"));
        qpsLimits = Map.copyOf(Objects.requireNonNull(qpsLimits, "qpsLimits"));
        qpsLimits.forEach((action, limit) -> {
            if (Arrays.stream(IotdaOperation.values()).noneMatch(op -> op.action().equals(action))) {
                throw new IllegalArgumentException("no such IoTDA API in the sandbox: " + action);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("QPS limit of " + action + " must be at least 1");
            }
        });
    }

    /**
     * Reads {@code huawei.*} keys; absent keys take the defaults: region {@code cn-north-4}, 3 s export and batch
     * timelines, 120 seeded batch tasks, 5 unfinished and 50 kept export tasks, 30 s between downloads, 50 QPS.
     */
    public static HuaweiSandboxSettings fromProperties(SandboxProperties read) {
        Map<String, Integer> qps = new HashMap<>();
        for (IotdaOperation operation : IotdaOperation.values()) {
            qps.put(operation.action(), read.integer("huawei.qps." + operation.action(), DEFAULT_QPS));
        }
        return new HuaweiSandboxSettings(
                read.text("huawei.region-id", DEFAULT_REGION_ID),
                read.millis("huawei.export-running-ms", 3_000),
                read.millis("huawei.batch-running-ms", 3_000),
                read.integer("huawei.seeded-batch-tasks", 120),
                read.list("huawei.failing-batch-tasks"),
                read.integer("huawei.export-unfinished-limit", 5),
                read.integer("huawei.export-kept-limit", 50),
                read.millis("huawei.download-interval-ms", 30_000),
                qps);
    }

    int qpsLimitOf(String action) {
        return qpsLimits.getOrDefault(action, DEFAULT_QPS);
    }

    public HuaweiSandboxSettings withRegionId(String newRegionId) {
        return new HuaweiSandboxSettings(newRegionId, exportRunningFor, batchRunningFor, seededBatchTasks,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withExportRunningFor(Duration running) {
        return new HuaweiSandboxSettings(regionId, running, batchRunningFor, seededBatchTasks,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withBatchRunningFor(Duration running) {
        return new HuaweiSandboxSettings(regionId, exportRunningFor, running, seededBatchTasks,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withSeededBatchTasks(int count) {
        return new HuaweiSandboxSettings(regionId, exportRunningFor, batchRunningFor, count,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withFailingBatchTasks(Set<String> taskIds) {
        return new HuaweiSandboxSettings(regionId, exportRunningFor, batchRunningFor, seededBatchTasks,
                taskIds, exportUnfinishedLimit, exportKeptLimit, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withExportLimits(int unfinished, int kept) {
        return new HuaweiSandboxSettings(regionId, exportRunningFor, batchRunningFor, seededBatchTasks,
                failingBatchTasks, unfinished, kept, downloadInterval, qpsLimits);
    }

    public HuaweiSandboxSettings withDownloadInterval(Duration interval) {
        return new HuaweiSandboxSettings(regionId, exportRunningFor, batchRunningFor, seededBatchTasks,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, interval, qpsLimits);
    }

    /** Sets one API's limit, by SDK action name (e.g. {@code ListBatchTasks}), keeping the others. */
    public HuaweiSandboxSettings withQps(String action, int limit) {
        Map<String, Integer> changed = new HashMap<>(qpsLimits);
        changed.put(action, limit);
        return new HuaweiSandboxSettings(regionId, exportRunningFor, batchRunningFor, seededBatchTasks,
                failingBatchTasks, exportUnfinishedLimit, exportKeptLimit, downloadInterval, changed);
    }

    @Override
    public String toString() {
        // nothing here is secret (the credentials live in SandboxSettings); sorted so logs read the same every run
        return "HuaweiSandboxSettings[regionId=" + regionId + ", exportRunningFor=" + exportRunningFor
                + ", batchRunningFor=" + batchRunningFor + ", seededBatchTasks=" + seededBatchTasks
                + ", failingBatchTasks=" + new TreeSet<>(failingBatchTasks)
                + ", exportUnfinishedLimit=" + exportUnfinishedLimit
                + ", exportKeptLimit=" + exportKeptLimit + ", downloadInterval=" + downloadInterval
                + ", qpsLimits=" + new TreeMap<>(qpsLimits) + "]";
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
