package io.iotjobbridge.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.iotjobbridge.sandbox.SandboxStats;

/**
 * Sorts the sandbox's refusals into those a bridge that keeps to the vendors' limits never provokes (throttling and
 * quota refusals: the target is zero) and all others (an export file asked for before it is ready, say).
 */
final class LimitRejections {

    /**
     * Besides every {@code Throttling*} code of Alibaba's gateway: Huawei's gateway throttling, the one export
     * download per interval, the 5 unfinished exports, and Alibaba's one running download per instance, 3 downloads
     * per day and 3 fetches per file and day.
     */
    static final Set<String> LIMIT_CODES = Set.of("APIG.0308", "IOTDA.021101", "IOTDA.016003",
            "iot.dap.insight.processDownloadJobMoreConcurrenceCount", "iot.dap.insight.downloadTaskNumUpperLimit",
            "iot.dap.insight.downloadTimesUpperLimit");

    private LimitRejections() {
    }

    static boolean isLimit(String code) {
        return code.startsWith("Throttling") || LIMIT_CODES.contains(code);
    }

    static long limitCount(SandboxStats stats) {
        return stats.rejections().entrySet().stream().filter(e -> isLimit(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static long otherCount(SandboxStats stats) {
        return stats.rejections().entrySet().stream().filter(e -> !isLimit(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Every refusal by code, for the notes under the table. */
    static Map<String, Long> byCode(SandboxStats stats) {
        return new TreeMap<>(stats.rejections());
    }
}
