package io.iotjobbridge.job;

import java.time.Duration;

/**
 * How the engine paces itself.
 *
 * @param workers     jobs advanced at once
 * @param lease       how long a claimed job is reserved for one worker before another may take it over
 * @param pollInitial first status check after a vendor job is created
 * @param pollMax     longest gap between status checks; gaps grow with the job's age up to this
 * @param pollMultiplier how fast gaps grow: each check comes this many times later than the one before, counted
 *                    from the vendor job's start (1.25: a job 4 minutes old is checked again a minute later)
 * @param pushSafetyPoll gap between status checks while the vendor pushes the job's status: a safety net only
 * @param retryInitial first retry after a transient failure, doubling per attempt up to {@code retryMax}
 * @param maxAttempts transient failures in a row before the job fails
 * @param quotaWait   wait before trying again when a vendor quota is full and the vendor gives no release time
 * @param jobTimeout  a job not finished this long after it was received fails
 */
public record EngineSettings(int workers, Duration lease, Duration pollInitial, Duration pollMax,
                             double pollMultiplier, Duration pushSafetyPoll, Duration retryInitial, Duration retryMax, int maxAttempts, Duration quotaWait,
                             Duration jobTimeout) {

    public EngineSettings {
        require(workers > 0, "bridge.engine.workers must be > 0");
        require(maxAttempts > 0, "bridge.engine.max-attempts must be > 0");
        require(pollMultiplier > 1 && pollMultiplier <= 10, "bridge.engine.poll-multiplier must be > 1 and <= 10");
        require(pushSafetyPoll.compareTo(pollInitial) >= 0,
                "bridge.engine.push-safety-poll-ms must be at least bridge.engine.poll-initial-ms");
        require(!pollInitial.isNegative() && pollInitial.compareTo(pollMax) <= 0,
                "bridge.engine.poll-initial must be between 0 and bridge.engine.poll-max");
        require(!retryInitial.isNegative() && retryInitial.compareTo(retryMax) <= 0,
                "bridge.engine.retry-initial must be between 0 and bridge.engine.retry-max");
        require(lease.toMillis() > 0 && jobTimeout.toMillis() > 0 && !quotaWait.isNegative(),
                "bridge.engine lease, job-timeout and quota-wait must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
