package io.iotjobbridge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.iotjobbridge.job.IntakeResult;
import io.iotjobbridge.job.JobActions;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.job.JobSubmission;
import io.iotjobbridge.ledger.JobControl;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.RequestLayout;
import io.iotjobbridge.request.Violation;
import io.iotjobbridge.vendor.JobFlow;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The write side of the status API: submit a request document (the same document, the same rules and the same
 * messages as a drop file), and retry or cancel a job. Every route lets a call through {@code apiAccess} first.
 */
public final class JobActionRoutes extends RouteBuilder {

    private static final String POST = "?httpMethodRestrict=POST&muteException=true";
    /** The request layouts by media type; a type's parameters (charset) do not matter, requests are UTF-8. */
    private static final Map<String, RequestLayout> LAYOUTS = Map.of(
            "application/json", RequestLayout.DOCUMENT,
            "application/x-ndjson", RequestLayout.JSON_LINES,
            "application/yaml", RequestLayout.DOCUMENT,
            "text/yaml", RequestLayout.DOCUMENT);

    private final JobIntake intake;
    private final JobQueries queries;
    private final JobActions actions;
    private final int maxBytes;

    /** @param maxBytes the largest document taken, as for a drop file ({@value JobSubmission#MAX_FILE_BYTES_KEY}) */
    public JobActionRoutes(JobIntake intake, JobQueries queries, JobActions actions, int maxBytes) {
        this.intake = intake;
        this.queries = queries;
        this.actions = actions;
        this.maxBytes = maxBytes;
    }

    public static JobActionRoutes of(JobIntake intake, JobLedger ledger, JobQueries queries,
                                     Function<JobRecord, JobFlow> flows, int maxBytes, Clock clock) {
        return new JobActionRoutes(intake, queries,
                new JobActions(new JobControl(ledger, clock), queries, flows), maxBytes);
    }

    @Override
    public void configure() {
        ApiErrors.handle(this);
        from("platform-http:/api/jobs" + POST).routeId("api-job-submit")
                .process("apiAccess")
                .process(this::submit);

        from("platform-http:/api/jobs/{id}/retry" + POST).routeId("api-job-retry")
                .process("apiAccess")
                .process(e -> answer(e, actions.retry(id(e)), "only a FAILED or CANCELLED job can be retried",
                        done -> Map.of("job", summary(done.job()))));

        from("platform-http:/api/jobs/{id}/cancel" + POST).routeId("api-job-cancel")
                .process("apiAccess")
                .process(e -> answer(e, actions.cancel(id(e)), "a job that has ended cannot be cancelled",
                        done -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("job", summary(done.job()));
                            body.put("vendorCancelled", done.vendorCancelled());
                            return body;
                        }));
    }

    /** The {@code {id}} of the path: a job id or a request id. */
    private static String id(Exchange exchange) {
        return exchange.getMessage().getHeader("id", String.class);
    }

    private void submit(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Optional<RequestLayout> layout = layout(message.getHeader(Exchange.CONTENT_TYPE, String.class));
        if (layout.isEmpty()) {
            ApiReplies.error(exchange, 415, "Content-Type", "must be application/json (a request or an array of"
                    + " them), application/x-ndjson (JSON Lines), or application/yaml or text/yaml");
            return;
        }
        // the declared length is refused before anything is read; a body without one is read one byte past the limit
        Long length = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        byte[] document = length != null && length > maxBytes ? null : readAtMostOnePastLimit(message);
        if (document == null || document.length > maxBytes) {
            ApiReplies.error(exchange, 413, "request", "is " + (document == null ? length + " bytes" : "more than "
                    + maxBytes + " bytes") + "; at most " + maxBytes + " bytes are taken ("
                    + JobSubmission.MAX_FILE_BYTES_KEY + ")");
            return;
        }
        IntakeResult result = intake.accept(document, layout.get(), "api");
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            ApiReplies.errors(exchange, 422, result.violations());
            return;
        }
        boolean accepted = result.outcome() == IntakeResult.Outcome.ACCEPTED;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", result.outcome().name());
        body.put("jobs", result.jobs().stream().map(this::summary).toList());
        ApiReplies.json(exchange, accepted ? 202 : 200, body);
    }

    /** 202 with {@code doneBody} when the action was taken; otherwise why not, in the contract's error shape. */
    private void answer(Exchange exchange, JobActions.Outcome outcome, String notAllowedRule,
                        Function<JobActions.Done, Map<String, Object>> doneBody) {
        if (outcome instanceof JobActions.Done done) {
            ApiReplies.json(exchange, 202, doneBody.apply(done));
        } else if (outcome instanceof JobActions.NotAllowed notAllowed) {
            ApiReplies.error(exchange, 409, "state", "is " + notAllowed.job().state() + "; " + notAllowedRule);
        } else if (outcome instanceof JobActions.VendorRefused refused) {
            Map<String, Object> body = ApiReplies.errorBody(502, List.of(new Violation("vendor",
                    "refused to cancel vendor job " + refused.job().vendorJobId() + ": "
                            + refused.refusal().getMessage())));
            body.put("code", refused.refusal().code());
            body.put("message", refused.refusal().vendorMessage());
            ApiReplies.json(exchange, 502, body);
        } else {
            ApiReplies.error(exchange, 404, "id", "no job has this id or request id");
        }
    }

    private Map<String, Object> summary(JobRecord job) {
        return JobJson.summary(job, queries.find(job.id()).map(JobQueries.ListedJob::waitingFor).orElse(null));
    }

    private byte[] readAtMostOnePastLimit(Message message) throws IOException {
        try (InputStream body = message.getBody(InputStream.class)) {
            return body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        }
    }

    static Optional<RequestLayout> layout(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(LAYOUTS.get(mediaType));
    }
}
