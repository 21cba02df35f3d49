package io.iotjobbridge.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.VendorCallLog;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The read side of the status API (README "Status API"): jobs by filter, one job with its history, vendor calls and
 * files, and the dashboard's overview. Every route first checks the token ({@link ApiAccess}).
 */
public final class StatusApiRoutes extends RouteBuilder {

    /** A job's detail shows its most recent calls; a job polled for days makes thousands. */
    private static final int CALLS_PER_JOB = 200;

    private final JobQueries jobs;
    private final JobLedger ledger;
    private final VendorCallLog calls;
    private final Overview overview;

    public StatusApiRoutes(JobQueries jobs, JobLedger ledger, VendorCallLog calls, Overview overview) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.calls = calls;
        this.overview = overview;
    }

    @Override
    public void configure() {
        ApiErrors.handle(this);
        from("platform-http:/api/jobs?httpMethodRestrict=GET").routeId("api-list-jobs")
                .process("apiAccess").process(this::list);
        from("platform-http:/api/jobs/{id}?httpMethodRestrict=GET").routeId("api-job")
                .process("apiAccess").process(this::detail);
        from("platform-http:/api/overview?httpMethodRestrict=GET").routeId("api-overview")
                .process("apiAccess").process(exchange -> ApiReplies.json(exchange, 200, overview.now()));
    }

    private void list(Exchange exchange) {
        JobFilterParams.Parsed parsed = JobFilterParams.parse(name -> exchange.getMessage().getHeader(name, String.class));
        if (!parsed.violations().isEmpty()) {
            ApiReplies.errors(exchange, 400, parsed.violations());
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobs", jobs.list(parsed.filter()).stream()
                .map(listed -> JobJson.summary(listed.job(), listed.waitingFor())).toList());
        json.put("limit", parsed.filter().limit());
        ApiReplies.json(exchange, 200, json);
    }

    private void detail(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        jobs.find(id).ifPresentOrElse(found -> {
            String jobId = found.job().id();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", JobJson.summary(found.job(), found.waitingFor()));
            json.put("history", JobJson.each(ledger.history(jobId), JobJson::transition));
            json.put("calls", JobJson.each(calls.forJob(jobId, CALLS_PER_JOB), JobJson::call));
            json.put("files", JobJson.each(ledger.files(jobId), JobJson::file));
            ApiReplies.json(exchange, 200, json);
        }, () -> ApiReplies.error(exchange, 404, "id", "no job has this id or request id"));
    }
}
