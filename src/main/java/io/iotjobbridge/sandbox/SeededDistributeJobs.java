package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Three device distribution jobs every sandbox starts with, visible to every account, so a client can query each
 * Status without first creating a job. All are created at sandbox start.
 */
public final class SeededDistributeJobs {

    /** Status 1 for {@code bridge.sandbox.aliyun.distribute-running-ms} after sandbox start, then 2. */
    public static final String SEEDED_RUNNING = "UbmsVr7Ks2LmZp9Xw3cQ010001";
    /** Status 2 from the start; its result file lists a few devices that failed. */
    public static final String SEEDED_FINISHED = "UbmsVf4Tn8HqYd1Jx6bR010001";
    /** Status 3 from the start: broken off half way. */
    public static final String SEEDED_ABORTED = "UbmsVa9Pw5GeNc2Kz7mS010001";

    static final String SOURCE_INSTANCE = "iot-cn-sbx0source01";
    static final String TARGET_INSTANCE = "iot-cn-sbx0target01";
    static final String NEAR_TARGET_INSTANCE = "iot-cn-sbx0target02";

    private SeededDistributeJobs() {
    }

    static List<DistributeJob> at(Instant start, Duration runningFor) {
        return List.of(
                job(SEEDED_RUNNING, "a1SbxRunPk1", 5, 0, List.of(TARGET_INSTANCE), start, start.plus(runningFor),
                        DistributeStatus.FINISHED),
                job(SEEDED_FINISHED, "a1SbxDonePk", 40, 1, List.of(TARGET_INSTANCE, NEAR_TARGET_INSTANCE), start, start,
                        DistributeStatus.FINISHED),
                job(SEEDED_ABORTED, "a1SbxAbrtPk", 8, 0, List.of(TARGET_INSTANCE), start, start,
                        DistributeStatus.ABORTED));
    }

    private static DistributeJob job(String jobId, String productKey, int devices, int strategy,
                                     List<String> targets, Instant start, Instant endsAt, DistributeStatus end) {
        String uid = VendorIds.uid("sandbox-seed");
        List<String> names = DeviceFleet.ofProduct(productKey, devices).stream().map(DeviceRef::deviceName).toList();
        DistributeRequest request = new DistributeRequest("", productKey, names, SOURCE_INSTANCE, uid, uid, strategy,
                targets);
        return new DistributeJob(jobId, request, true, start, start, endsAt, end);
    }
}
