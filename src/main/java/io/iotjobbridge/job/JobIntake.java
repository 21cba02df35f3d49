package io.iotjobbridge.job;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestParser;
import io.iotjobbridge.request.RequestRejectedException;
import io.iotjobbridge.request.RequestValidator;
import io.iotjobbridge.request.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry for request documents from every trigger: parse, validate, and record the job in the ledger.
 * A trigger acknowledges its input (moves the file, settles the message) only after this returns, so an accepted
 * request is always in the ledger first.
 */
public final class JobIntake {

    private static final Logger LOG = LoggerFactory.getLogger(JobIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestParser parser;
    private final RequestValidator validator;
    private final JobLedger ledger;

    public JobIntake(RequestParser parser, RequestValidator validator, JobLedger ledger) {
        this.parser = parser;
        this.validator = validator;
        this.ledger = ledger;
    }

    /** @param source where the document came from (file name, queue), for log lines only */
    public IntakeResult accept(byte[] document, String source) {
        JobRequest request;
        try {
            request = parser.parse(document);
            validator.validate(request);
        } catch (RequestRejectedException e) {
            LOG.warn("request from {} rejected: {}", source, e.getMessage());
            return IntakeResult.rejected(e.violations());
        }
        return admit(request, source);
    }

    /** The rules a document breaks, recording nothing: empty when {@link #accept} would take it. */
    public List<Violation> check(byte[] document) {
        try {
            validator.validate(parser.parse(document));
            return List.of();
        } catch (RequestRejectedException e) {
            return e.violations();
        }
    }

    /**
     * Admits a request a finished job starts: same rules, same idempotency by request id.
     *
     * @throws RequestRejectedException when the request breaks a rule
     */
    public void admitFollowUp(JobRequest request, String parentJobId) {
        validator.validate(request);
        admit(request, "job " + parentJobId);
    }

    private IntakeResult admit(JobRequest request, String source) {
        JobLedger.Admission admission = ledger.admit(request.id(), request.vendor(), request.account(),
                request.operation(), request.destination(), toJson(request.params()),
                request.options().isEmpty() ? null : toJson(request.options()));
        if (!admission.created()) {
            LOG.info("request {} from {} is a duplicate of job {} ({}); nothing new recorded", request.id(), source,
                    admission.job().id(), admission.job().state());
            return new IntakeResult(IntakeResult.Outcome.DUPLICATE, admission.job(), java.util.List.of());
        }
        LOG.info("job {} request {} ({} {}) received from {}", admission.job().id(), request.id(), request.vendor(),
                request.operation(), source);
        return new IntakeResult(IntakeResult.Outcome.ACCEPTED, admission.job(), java.util.List.of());
    }

    private static String toJson(ObjectNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request cannot be written as JSON", e);
        }
    }
}
