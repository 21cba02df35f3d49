package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Alibaba device-job and device-distribution APIs of the sandbox behave ({@code bridge.sandbox.aliyun.*}).
 *
 * @param jobRunningFor         how long a device job (CreateJob) takes from start to its last task finishing
 * @param fleetSize             how many devices a PRODUCT_KEY or GROUP_ID job targets (the vendor allows 100,000)
 * @param distributeRunningFor  how long a device distribution job takes from creation to Status 2
 * @param distributeUrlValidity lifetime of QueryDeviceDistributeDetail's {@code File} link (the vendor's is 10 minutes)
 * @param regionId              the region the sandbox plays; the distribution APIs exist only in cn-shanghai
 * @param rateLimits            calls per second per account and API, beyond which the gateway throttles
 */
public record DeviceJobSettings(Duration jobRunningFor, int fleetSize, Duration distributeRunningFor,
                                Duration distributeUrlValidity, String regionId, ApiRateLimits rateLimits) {

    public static final String DEFAULT_REGION_ID = "cn-shanghai";
    /** The most devices one product or group may hold, per the CreateJob page. */
    public static final int MAX_FLEET_SIZE = 100_000;

    public DeviceJobSettings {
        requireNotNegative(jobRunningFor, "jobRunningFor");
        if (fleetSize < 1 || fleetSize > MAX_FLEET_SIZE) {
            throw new IllegalArgumentException("fleetSize must be 1.." + MAX_FLEET_SIZE + ": " + fleetSize);
        }
        requireNotNegative(distributeRunningFor, "distributeRunningFor");
        requireNotNegative(distributeUrlValidity, "distributeUrlValidity");
        if (regionId == null || regionId.isBlank()) {
            throw new IllegalArgumentException("regionId must not be blank");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    static DeviceJobSettings fromProperties(SandboxProperties read) {
        return new DeviceJobSettings(
                read.millis("aliyun.job-running-ms", 3_000),
                read.integer("aliyun.fleet-size", 2_000),
                read.millis("aliyun.distribute-running-ms", 3_000),
                read.millis("aliyun.distribute-url-validity-ms", 600_000),
                read.text("aliyun.region-id", DEFAULT_REGION_ID),
                ApiRateLimits.fromProperties(read));
    }

    public DeviceJobSettings withJobRunningFor(Duration running) {
        return new DeviceJobSettings(running, fleetSize, distributeRunningFor, distributeUrlValidity, regionId,
                rateLimits);
    }

    public DeviceJobSettings withFleetSize(int size) {
        return new DeviceJobSettings(jobRunningFor, size, distributeRunningFor, distributeUrlValidity, regionId,
                rateLimits);
    }

    public DeviceJobSettings withDistributeRunningFor(Duration running) {
        return new DeviceJobSettings(jobRunningFor, fleetSize, running, distributeUrlValidity, regionId, rateLimits);
    }

    public DeviceJobSettings withDistributeUrlValidity(Duration validity) {
        return new DeviceJobSettings(jobRunningFor, fleetSize, distributeRunningFor, validity, regionId, rateLimits);
    }

    public DeviceJobSettings withRegionId(String region) {
        return new DeviceJobSettings(jobRunningFor, fleetSize, distributeRunningFor, distributeUrlValidity, region,
                rateLimits);
    }

    public DeviceJobSettings withRateLimits(ApiRateLimits limits) {
        return new DeviceJobSettings(jobRunningFor, fleetSize, distributeRunningFor, distributeUrlValidity, regionId,
                limits);
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
