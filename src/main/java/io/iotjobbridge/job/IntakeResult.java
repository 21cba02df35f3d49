package io.iotjobbridge.job;

import java.util.List;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.Violation;

/** What became of one incoming request document. */
public record IntakeResult(Outcome outcome, JobRecord job, List<Violation> violations) {

    public enum Outcome {
        /** a new job was recorded */
        ACCEPTED,
        /** a job for the same request id exists already; nothing new was recorded */
        DUPLICATE,
        /** the document is not a valid request; nothing was recorded */
        REJECTED
    }

    public IntakeResult {
        violations = List.copyOf(violations);
    }

    static IntakeResult rejected(List<Violation> violations) {
        return new IntakeResult(Outcome.REJECTED, null, violations);
    }
}
