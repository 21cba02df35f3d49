package io.iotjobbridge.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A CreateDeviceDistributeJob request that passed its checks. List parameters arrive flattened the RPC way
 * ({@code DeviceName.1}, {@code TargetInstanceConfig.1.TargetInstanceId}), from the V1 and the V3 SDK alike.
 *
 * <p>Assumed where the page is silent: at most {@link #MAX_DEVICES} devices per job, and TargetAliyunId (a login
 * name) stands for the account whose uid the sandbox derives from it.
 *
 * @param owner     the AccessKeyId that created it
 * @param strategy  0: one named target instance; 1: nearest of several
 */
record DistributeRequest(String owner, String productKey, List<String> deviceNames, String sourceInstanceId,
                         String sourceUid, String targetUid, int strategy, List<String> targetInstanceIds) {

    static final int MAX_DEVICES = 10_000;

    DistributeRequest {
        deviceNames = List.copyOf(deviceNames);
        targetInstanceIds = List.copyOf(targetInstanceIds);
    }

    static DistributeRequest parse(AuthenticatedCall call) {
        String productKey = required(call, "ProductKey");
        List<String> deviceNames = repeated(call, "DeviceName.", "");
        if (deviceNames.isEmpty() || deviceNames.size() > MAX_DEVICES) {
            throw IotPlatformError.invalidParameter("DeviceName must list 1 to " + MAX_DEVICES + " devices.");
        }
        String source = required(call, "SourceInstanceId");
        String targetUid = call.param("TargetUid");
        String targetAliyunId = call.param("TargetAliyunId");
        if (targetUid == null && targetAliyunId == null) {
            throw IotPlatformError.invalidParameter("TargetUid or TargetAliyunId is mandatory.");
        }
        int strategy = strategy(call.param("Strategy"));
        List<String> targets = repeated(call, "TargetInstanceConfig.", ".TargetInstanceId");
        if (targets.isEmpty() || (strategy == 0 && targets.size() != 1)) {
            throw IotPlatformError.invalidParameter(
                    "TargetInstanceConfig must name one instance for Strategy 0, and at least one for Strategy 1.");
        }
        if (targets.contains(source)) {
            throw IotPlatformError.sameInstance();
        }
        return new DistributeRequest(call.accessKeyId(), productKey, deviceNames, source,
                VendorIds.uid(call.accessKeyId()),
                targetUid != null ? targetUid : VendorIds.uid(targetAliyunId), strategy, targets);
    }

    private static String required(AuthenticatedCall call, String name) {
        String value = call.param(name);
        if (value == null) {
            throw IotPlatformError.invalidParameter(name + " is mandatory.");
        }
        return value;
    }

    /** {@code prefix + 1 + suffix}, {@code prefix + 2 + suffix}, ... up to the first missing one; repeats dropped. */
    private static List<String> repeated(AuthenticatedCall call, String prefix, String suffix) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (int n = 1; n <= MAX_DEVICES + 1; n++) {
            String value = call.param(prefix + n + suffix);
            if (value == null) {
                break;
            }
            values.add(value);
        }
        return new ArrayList<>(values);
    }

    private static int strategy(String value) {
        if ("0".equals(value) || "1".equals(value)) {
            return Integer.parseInt(value);
        }
        throw IotPlatformError.invalidParameter("Strategy must be 0 (specified region) or 1 (nearest access).");
    }
}
