package io.iotjobbridge.ledger;

/** Where a job stands. Every change is committed to the ledger before the bridge acts on it. */
public enum JobState {
    /** accepted and persisted; the vendor job is not started yet */
    RECEIVED,
    /** waiting for a vendor quota to free up (the reason and the release time are on the job) */
    QUEUED,
    /** the vendor job exists; its id is recorded */
    SUBMITTED,
    /** the vendor reports the job running */
    RUNNING,
    /** the vendor job finished; its files are being fetched and delivered */
    DOWNLOADING,
    /** every result file is at its destination */
    DELIVERED,
    /** the job ended without a delivered result; the reason says why */
    FAILED;

    public boolean isTerminal() {
        return this == DELIVERED || this == FAILED;
    }
}
