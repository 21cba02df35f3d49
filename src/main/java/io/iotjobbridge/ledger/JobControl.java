package io.iotjobbridge.ledger;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The changes an operator makes to a job: cancel an unfinished one, run a failed or cancelled one again. Each is an
 * ordinary version-checked save, so a worker holding the job meanwhile fails its next save and stops; the state
 * change is recorded as a transition and published as a status event like any other.
 */
public final class JobControl {

    /** A worker saving the job between our read and our save makes us read again; this many times at most. */
    private static final int TRIES = 5;
    public static final String RETRIED = "retried by an operator";

    private final JobLedger ledger;
    private final Clock clock;

    public JobControl(JobLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * What an operator's change did: {@code applied} is false when the job's state does not allow it, and then
     * {@code job} is the job unchanged, as it stands.
     */
    public record Change(JobRecord job, boolean applied) {
    }

    /** An unfinished job becomes CANCELLED; {@code why} is its reason. Empty when no job has this id. */
    public Optional<Change> cancel(String jobId, String why) {
        return change(jobId, job -> !job.state().isTerminal(), job -> job.moveTo(JobState.CANCELLED, why), why);
    }

    /**
     * A FAILED or CANCELLED job starts again from the beginning ({@link JobRecord#restart}), due now. The files an
     * earlier run delivered stay recorded: they are history, and the new run's files are recorded beside them.
     */
    public Optional<Change> retry(String jobId) {
        return change(jobId, job -> job.state().canBeRetried(), job -> job.restart(clock.instant()), RETRIED);
    }

    private Optional<Change> change(String jobId, Predicate<JobRecord> allowed, UnaryOperator<JobRecord> next,
                                    String detail) {
        for (int i = 1; ; i++) {
            Optional<JobRecord> found = ledger.find(jobId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (!allowed.test(found.get())) {
                return Optional.of(new Change(found.get(), false));
            }
            try {
                return Optional.of(new Change(ledger.save(next.apply(found.get()), detail), true));
            } catch (ConcurrentUpdateException e) {
                if (i == TRIES) {
                    throw e;
                }
            }
        }
    }
}
