package io.iotjobbridge.bench;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;

/**
 * One request's job as the ledger tells it after a run: its record, its transitions and its delivered files.
 *
 * @param job null when the request never became a job (the run ended before the inbox was read)
 */
record JobOutcome(String requestId, JobRecord job, List<JobTransition> history, List<DeliveredFile> files) {

    static JobOutcome read(JobLedger ledger, String requestId) {
        Optional<JobRecord> job = ledger.findByRequestId(requestId);
        return job.map(j -> new JobOutcome(requestId, j, ledger.history(j.id()), ledger.files(j.id())))
                .orElseGet(() -> new JobOutcome(requestId, null, List.of(), List.of()));
    }

    boolean isOver() {
        return job != null && job.state().isTerminal();
    }

    boolean isDelivered() {
        return job != null && job.state() == JobState.DELIVERED;
    }

    boolean isFailed() {
        return job != null && job.state() == JobState.FAILED;
    }

    /** When the bridge first recorded the request. */
    Optional<Instant> receivedAt() {
        return firstAt(JobState.RECEIVED);
    }

    /** The first time the job reached {@code state}. */
    Optional<Instant> firstAt(JobState state) {
        return history.stream().filter(t -> t.state() == state).map(JobTransition::at).findFirst();
    }

    Optional<Instant> firstFileAt() {
        return files.stream().map(DeliveredFile::deliveredAt).min(Comparator.naturalOrder());
    }

    Optional<Instant> lastFileAt() {
        return files.stream().map(DeliveredFile::deliveredAt).max(Comparator.naturalOrder());
    }
}
