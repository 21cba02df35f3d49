package io.iotjobbridge.ledger;

/** A job was saved by someone else since it was read; the stale writer must stop working on it. */
public final class ConcurrentUpdateException extends LedgerException {

    public ConcurrentUpdateException(String jobId) {
        super("job " + jobId + " was changed by another worker meanwhile", null);
    }
}
