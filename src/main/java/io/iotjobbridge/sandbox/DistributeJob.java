package io.iotjobbridge.sandbox;

import java.time.Instant;

/**
 * One device distribution job. Like every sandbox job its status is derived from the clock: INITIALIZING until
 * {@code runningFrom}, RUNNING until {@code endsAt}, then {@code endStatus} for good.
 *
 * @param seeded    seeded at sandbox start, and visible to every account
 * @param endStatus FINISHED, or ABORTED for a job that breaks off
 */
record DistributeJob(String jobId, DistributeRequest request, boolean seeded, Instant createdAt,
                     Instant runningFrom, Instant endsAt, DistributeStatus endStatus) {

    DistributeStatus statusAt(Instant now) {
        if (now.isBefore(runningFrom)) {
            return DistributeStatus.INITIALIZING;
        }
        return now.isBefore(endsAt) ? DistributeStatus.RUNNING : endStatus;
    }

    boolean isVisibleTo(String accessKeyId) {
        return seeded || request.owner().equals(accessKeyId);
    }
}
