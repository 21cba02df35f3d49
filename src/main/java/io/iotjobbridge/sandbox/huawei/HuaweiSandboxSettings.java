package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.util.Objects;

import io.iotjobbridge.sandbox.SandboxProperties;

/**
 * How the Huawei IoTDA part of the sandbox behaves ({@code bridge.sandbox.huawei.*}).
 *
 * @param exportRunningFor how long an export task stays {@code Processing}
 */
public record HuaweiSandboxSettings(Duration exportRunningFor) {

    public HuaweiSandboxSettings {
        Objects.requireNonNull(exportRunningFor, "exportRunningFor");
    }

    public static HuaweiSandboxSettings fromProperties(SandboxProperties read) {
        return new HuaweiSandboxSettings(read.millis("huawei.export-running-ms", 3_000));
    }
}
