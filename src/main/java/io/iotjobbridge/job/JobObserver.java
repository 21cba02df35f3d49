package io.iotjobbridge.job;

import java.time.Duration;

import io.iotjobbridge.ledger.JobRecord;

/**
 * Hears what the engine does with jobs beyond their state changes (which the ledger records): where a status came
 * from, how long a finished vendor job took to reach its destination, and quota waits. The metrics listen here.
 */
public interface JobObserver {

    JobObserver NONE = new JobObserver() {
    };

    /** The vendor's status of {@code job} arrived, by a status check or by the vendor's push. */
    default void statusUpdate(JobRecord job, boolean pushed) {
    }

    /**
     * Every file of {@code job} is at its destination.
     *
     * @param sinceVendorFinished from the vendor job's end (the job turned DOWNLOADING) until now
     * @param bytes               the bytes this delivery wrote (files an earlier attempt delivered not counted)
     */
    default void delivered(JobRecord job, Duration sinceVendorFinished, long bytes) {
    }

    /**
     * {@code job} starts to wait for a quota.
     *
     * @param vendorRefused the vendor refused the call for its quota; false when the bridge's own count held it
     */
    default void quotaWait(JobRecord job, boolean vendorRefused) {
    }
}
