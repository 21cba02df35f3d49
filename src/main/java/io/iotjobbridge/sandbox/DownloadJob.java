package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One data-download job as the sandbox remembers it. Its status is not stored: it is derived from the clock, so
 * progress needs no background thread and a test moves it forward by moving its clock.
 *
 * @param accessKeyId   the account that created it; other accounts cannot see it
 * @param instanceKey   the IotInstanceId it ran on, empty for the account's default instance
 * @param csvFileName   the object name its CSV is served under
 * @param failing       whether it ends in Status 2 rather than 1
 */
record DownloadJob(String longJobId, String accessKeyId, String instanceKey, String tableName,
                   long startTimeMs, long endTimeMs, String csvFileName, Instant createdAt,
                   JobTimeline timeline, boolean failing) {

    JobStatus statusAt(Instant now) {
        return timeline.statusAfter(elapsedAt(now), failing);
    }

    Instant finishedAt() {
        return createdAt.plus(timeline.total());
    }

    boolean isOwnedBy(String accountAccessKeyId, String instance) {
        return accessKeyId.equals(accountAccessKeyId) && instanceKey.equals(instance);
    }

    private Duration elapsedAt(Instant now) {
        Duration elapsed = Duration.between(createdAt, now);
        // a test clock may be wound back; a job never un-starts
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
