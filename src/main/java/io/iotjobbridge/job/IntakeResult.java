package io.iotjobbridge.job;

import java.util.List;

import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.Violation;

/**
 * What became of one incoming document: every job its requests map to (one for a single request, one per item for
 * a batch), or why none was admitted.
 */
public record IntakeResult(Outcome outcome, List<JobRecord> jobs, List<Violation> violations) {

    public enum Outcome {
        /** at least one new job was recorded */
        ACCEPTED,
        /** every request's id was known already; nothing new was recorded */
        DUPLICATE,
        /** the document, or an item of its batch, is not a valid request; nothing was recorded */
        REJECTED
    }

    public IntakeResult {
        jobs = List.copyOf(jobs);
        violations = List.copyOf(violations);
    }

    static IntakeResult rejected(List<Violation> violations) {
        return new IntakeResult(Outcome.REJECTED, List.of(), violations);
    }

    static IntakeResult admitted(List<JobLedger.Admission> admissions) {
        boolean anyNew = admissions.stream().anyMatch(JobLedger.Admission::created);
        return new IntakeResult(anyNew ? Outcome.ACCEPTED : Outcome.DUPLICATE,
                admissions.stream().map(JobLedger.Admission::job).toList(), List.of());
    }
}
