package io.iotjobbridge.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestParser;
import io.iotjobbridge.request.RequestRejectedException;
import io.iotjobbridge.request.RequestValidator;
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
        JobLedger.Admission admission = ledger.admit(request.id(), request.vendor(), request.account(),
                request.operation(), request.destination(), toJson(request));
        if (!admission.created()) {
            LOG.info("request {} from {} is a duplicate of job {} ({}); nothing new recorded", request.id(), source,
                    admission.job().id(), admission.job().state());
            return new IntakeResult(IntakeResult.Outcome.DUPLICATE, admission.job(), java.util.List.of());
        }
        LOG.info("job {} request {} ({} {}) received from {}", admission.job().id(), request.id(), request.vendor(),
                request.operation(), source);
        return new IntakeResult(IntakeResult.Outcome.ACCEPTED, admission.job(), java.util.List.of());
    }

    private static String toJson(JobRequest request) {
        try {
            return JSON.writeValueAsString(request.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request parameters cannot be written as JSON", e);
        }
    }
}
