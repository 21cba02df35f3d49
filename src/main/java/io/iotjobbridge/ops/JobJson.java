package io.iotjobbridge.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.iotjobbridge.ledger.JobRecord;

/**
 * A job as the status API shows it (the contract's JobSummary): ledger fields under their API names, the vendor by
 * its wire name, times as ISO-8601 UTC strings, absent values as JSON null.
 */
public final class JobJson {

    private JobJson() {
    }

    /** @param waitingFor the quota key a QUEUED job waits for, or null */
    public static Map<String, Object> summary(JobRecord job, String waitingFor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("requestId", job.requestId());
        json.put("vendor", job.vendor().wireName());
        json.put("account", job.account());
        json.put("operation", job.operation());
        json.put("destination", job.destination());
        json.put("state", job.state().name());
        json.put("vendorJobId", job.vendorJobId());
        json.put("vendorStatus", job.vendorStatus());
        json.put("progress", job.progress());
        json.put("reason", job.reason());
        json.put("attempts", job.attempts());
        json.put("waitingFor", waitingFor);
        json.put("nextRunAt", iso(job.nextRunAt()));
        json.put("createdAt", iso(job.createdAt()));
        json.put("updatedAt", iso(job.updatedAt()));
        return json;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
