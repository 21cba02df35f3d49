package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Alibaba device-job and device-distribution APIs of the sandbox behave ({@code bridge.sandbox.aliyun.*}).
 *
 * @param jobRunningFor how long a device job (CreateJob) takes from start to its last task finishing
 */
public record DeviceJobSettings(Duration jobRunningFor) {

    public DeviceJobSettings {
        Objects.requireNonNull(jobRunningFor, "jobRunningFor");
    }

    static DeviceJobSettings fromProperties(SandboxProperties read) {
        return new DeviceJobSettings(read.millis("aliyun.job-running-ms", 3_000));
    }
}
