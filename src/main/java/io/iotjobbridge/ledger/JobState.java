package io.iotjobbridge.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a job stands. Every change is committed to the ledger before the bridge acts on it. */
public enum JobState {
    /** accepted and persisted; the vendor job is not started yet */
    RECEIVED,
    /** waiting for a vendor quota to free up (the reason and the release time are on the job) */
    QUEUED,
    /**
     * the create call is about to be sent, or was sent and its answer not recorded: before creating again after a
     * crash, the bridge asks the vendor for a job it created since
     */
    SUBMITTING,
    /** the vendor job exists; its id is recorded */
    SUBMITTED,
    /** the vendor reports the job running */
    RUNNING,
    /** the vendor job finished; its files are being fetched and delivered */
    DOWNLOADING,
    /** every result file is at its destination */
    DELIVERED,
    /** the job ended without a delivered result; the reason says why */
    FAILED,
    /** an operator cancelled the job; the reason says who and why */
    CANCELLED;

    /** While in these states a vendor job is started and not finished: it counts against "unfinished" quotas. */
    public boolean isUnfinishedAtVendor() {
        return this == SUBMITTING || this == SUBMITTED || this == RUNNING;
    }

    /** Nothing more happens to a job in these states, unless an operator retries a FAILED or CANCELLED one. */
    public boolean isTerminal() {
        return this == DELIVERED || this == FAILED || this == CANCELLED;
    }

    /** An operator may run a job in these states again, from the beginning. */
    public boolean canBeRetried() {
        return this == FAILED || this == CANCELLED;
    }

    /** The terminal states as an SQL list ({@code 'DELIVERED', 'FAILED', …}), so queries never spell them out. */
    static String terminalSqlList() {
        return Arrays.stream(values()).filter(JobState::isTerminal).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
