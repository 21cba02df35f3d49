package io.iotjobbridge.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.VendorCallLog;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.VendorCall;

/**
 * What the dashboard shows besides the job table ({@code GET /api/overview}): jobs per state, each vendor API's call
 * rate over the last minute against its limit, the jobs waiting for a quota and until when, and the last errors.
 * Everything comes from the shared ledger, so every node shows the same picture.
 */
public final class Overview {

    private static final Duration RATE_PERIOD = Duration.ofMinutes(1);
    private static final int LAST_ERRORS = 10;
    private static final int QUOTA_WAITS = 50;

    private final JobQueries jobs;
    private final VendorCallLog calls;
    private final CallBudget budget;
    private final String node;
    private final Clock clock;

    public Overview(JobQueries jobs, VendorCallLog calls, CallBudget budget, String node, Clock clock) {
        this.jobs = jobs;
        this.calls = calls;
        this.budget = budget;
        this.node = node;
        this.clock = clock;
    }

    public Map<String, Object> now() {
        Instant now = clock.instant();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", node);
        json.put("at", now.toString());
        Map<String, Integer> byState = new LinkedHashMap<>();
        jobs.totalsByState().forEach((state, count) -> byState.put(state.name(), count));
        json.put("jobsByState", byState);
        json.put("vendorCalls", vendorCalls(now));
        json.put("quotaWaits", jobs.quotaWaits(QUOTA_WAITS).stream().map(waiting -> {
            Map<String, Object> wait = new LinkedHashMap<>();
            wait.put("jobId", waiting.job().id());
            wait.put("requestId", waiting.job().requestId());
            wait.put("waitingFor", waiting.waitingFor());
            wait.put("until", JobJson.text(waiting.job().nextRunAt()));
            return wait;
        }).toList());
        json.put("lastErrors", lastErrors());
        return json;
    }

    private List<Map<String, Object>> vendorCalls(Instant now) {
        double seconds = RATE_PERIOD.toSeconds();
        return calls.since(now.minus(RATE_PERIOD)).stream().map(api -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("vendor", api.vendor().wireName());
            row.put("account", api.account());
            row.put("action", api.action());
            row.put("limitPerSecond", budget.qpsOf(api.action()));
            row.put("callsLastMinute", api.calls());
            row.put("perSecondLastMinute", Math.round(api.calls() / seconds * 100) / 100.0);
            row.put("peakPerSecondLastMinute", api.peak());
            row.put("throttledLastMinute", api.throttled());
            row.put("errorsLastMinute", api.errors());
            return row;
        }).toList();
    }

    /** Refused vendor calls and failed jobs, newest first: a failure need not come from a vendor call. */
    private List<Map<String, Object>> lastErrors() {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (VendorCall refused : calls.lastRefusals(LAST_ERRORS)) {
            String requestId = refused.jobId() == null ? null
                    : jobs.find(refused.jobId()).map(found -> found.job().requestId()).orElse(null);
            errors.add(error(refused.at(), refused.jobId(), requestId, refused.vendor().wireName(), refused.action(),
                    refused.code(), refused.message()));
        }
        jobs.list(new JobQueries.Filter(Set.of(JobState.FAILED), null, null, null, null, LAST_ERRORS))
                .forEach(failed -> errors.add(error(failed.job().updatedAt(), failed.job().id(),
                        failed.job().requestId(), failed.job().vendor().wireName(), failed.job().operation(), null,
                        failed.job().reason())));
        errors.sort(Comparator.comparing((Map<String, Object> error) -> (String) error.get("at")).reversed());
        return errors.subList(0, Math.min(LAST_ERRORS, errors.size()));
    }

    private static Map<String, Object> error(Instant at, String jobId, String requestId, String vendor, String action,
                                             String code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", JobJson.text(at));
        json.put("jobId", jobId);
        json.put("requestId", requestId);
        json.put("vendor", vendor);
        json.put("action", action);
        json.put("code", code);
        json.put("message", message);
        return json;
    }
}
