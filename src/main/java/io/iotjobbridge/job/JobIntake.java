package io.iotjobbridge.job;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestLayout;
import io.iotjobbridge.request.RequestParser;
import io.iotjobbridge.request.RequestReader;
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

    private final RequestReader reader;
    private final RequestValidator validator;
    private final JobLedger ledger;

    public JobIntake(RequestParser parser, RequestValidator validator, JobLedger ledger) {
        this.reader = new RequestReader(parser, validator);
        this.validator = validator;
        this.ledger = ledger;
    }

    /**
     * Takes a document's requests all or nothing: every item of a batch is read and validated first, and only when
     * all are good is each admitted (an id the ledger knows maps to its job, as for a single request).
     *
     * @param source where the document came from (file name, queue), for log lines only
     */
    public IntakeResult accept(byte[] document, RequestLayout layout, String source) {
        RequestReader.Reading reading = reader.read(document, layout);
        if (!reading.violations().isEmpty()) {
            LOG.warn("request from {} rejected: {}", source,
                    new RequestRejectedException(reading.violations()).getMessage());
            return IntakeResult.rejected(reading.violations());
        }
        return IntakeResult.admitted(reading.requests().stream().map(request -> admit(request, source)).toList());
    }

    /** The rules a single-document request breaks, recording nothing: empty when {@link #accept} would take it. */
    public List<Violation> check(byte[] document) {
        return reader.read(document, RequestLayout.DOCUMENT).violations();
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

    private JobLedger.Admission admit(JobRequest request, String source) {
        JobLedger.Admission admission = ledger.admit(request.id(), request.vendor(), request.account(),
                request.operation(), request.destination(), toJson(request.params()),
                request.options().isEmpty() ? null : toJson(request.options()));
        if (!admission.created()) {
            LOG.info("request {} from {} is a duplicate of job {} ({}); nothing new recorded", request.id(), source,
                    admission.job().id(), admission.job().state());
            return admission;
        }
        LOG.info("request {} ({} {}) from {} became job {}", request.id(), request.vendor(), request.operation(),
                source, admission.job().id());
        return admission;
    }

    private static String toJson(ObjectNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request cannot be written as JSON", e);
        }
    }
}
