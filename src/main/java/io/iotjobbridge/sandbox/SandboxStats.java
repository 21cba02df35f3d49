package io.iotjobbridge.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of what the sandbox has seen, so tests and the bridge's own checks can assert on traffic.
 *
 * @param calls         requests per API they named, whether or not the call succeeded: the Alibaba RPC Action, or the
 *                      Huawei SDK action name (e.g. ListBatchTasks, ShowExportTask for the export file download)
 * @param rejections    refusals per error code: gateway, business and download-URL errors alike, and refused AMQP
 *                      logins ({@code AMQP.aliyun.SignatureMismatch} and the like)
 * @param pushed        messages put on the AMQP push endpoint, per what they announce ({@code aliyun.dop},
 *                      {@code huawei.batchtask}), each copy counted when duplicates are on
 * @param faults        injected faults handed out, per {@code <vendor>.<Action>:<fault>} (e.g.
 *                      {@code aliyun.GetDownloadFile:503})
 * @param downloads     CSV fetches the sandbox started to serve
 * @param downloadBytes CSV bytes actually written to clients
 */
public record SandboxStats(Map<String, Long> calls, Map<String, Long> rejections, Map<String, Long> pushed,
                           Map<String, Long> faults,
                           long downloads, long downloadBytes) {

    public SandboxStats {
        // sorted, so the JSON form and assertion messages read the same way every time
        calls = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(calls, "calls")));
        rejections = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rejections, "rejections")));
        pushed = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(pushed, "pushed")));
        faults = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(faults, "faults")));
    }

    public long callsOf(String action) {
        return calls.getOrDefault(action, 0L);
    }

    public long rejectionsOf(String code) {
        return rejections.getOrDefault(code, 0L);
    }

    /** @param targetAndFault e.g. {@code aliyun.GetDownloadFile:503} */
    public long faultsOf(String targetAndFault) {
        return faults.getOrDefault(targetAndFault, 0L);
    }

    public long pushedOf(String kind) {
        return pushed.getOrDefault(kind, 0L);
    }
}
