package io.iotjobbridge.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.vendor.VendorCall;

/**
 * The status API's JSON shapes of the ledger's records, in one place (README "Status API"). Maps keep their keys
 * in the documented order; an absent value is written as null rather than left out, so clients see every field.
 */
public final class JobJson {

    private JobJson() {
    }

    /** A job as every endpoint shows it; {@code waitingFor} is the quota it waits for, or null. */
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
        json.put("nextRunAt", text(job.nextRunAt()));
        json.put("createdAt", text(job.createdAt()));
        json.put("updatedAt", text(job.updatedAt()));
        return json;
    }

    static Map<String, Object> transition(JobTransition transition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", text(transition.at()));
        json.put("state", transition.state().name());
        json.put("detail", transition.detail());
        json.put("vendorJobId", transition.vendorJobId());
        json.put("progress", transition.progress());
        return json;
    }

    static Map<String, Object> call(VendorCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", text(call.at()));
        json.put("vendor", call.vendor().wireName());
        json.put("account", call.account());
        json.put("action", call.action());
        json.put("outcome", call.outcome().wireName());
        json.put("code", call.code());
        json.put("durationMs", call.took().toMillis());
        return json;
    }

    static Map<String, Object> file(DeliveredFile file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", file.name());
        json.put("location", file.location());
        json.put("sizeBytes", file.sizeBytes());
        json.put("sha256", file.sha256());
        json.put("deliveredAt", text(file.deliveredAt()));
        return json;
    }

    static <T> List<Map<String, Object>> each(List<T> items, java.util.function.Function<T, Map<String, Object>> shape) {
        return items.stream().map(shape).toList();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
