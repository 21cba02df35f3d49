package io.iotjobbridge.job;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.iotjobbridge.ledger.JobRecord;

/**
 * When to look at a job next. Status checks thin out geometrically as a vendor job ages, come sooner when the
 * vendor's progress says the end is near, and almost stop while the vendor pushes the job's status; retries back
 * off exponentially. Every delay is jittered so jobs started together do not poll in lock-step.
 */
final class Pacing {

    private final EngineSettings settings;

    Pacing(EngineSettings settings) {
        this.settings = settings;
    }

    /**
     * @param pushed whether the vendor pushes this job's status right now (then a check is only a safety net)
     */
    Duration nextPoll(JobRecord job, Instant now, boolean pushed) {
        if (pushed) {
            return jitter(settings.pushSafetyPoll());
        }
        Instant started = job.submitStartedAt() != null ? job.submitStartedAt() : job.createdAt();
        Duration age = Duration.between(started, now);
        // checks at ages a, a*m, a*m^2 …: the gap to the next one is the age times (m - 1)
        Duration delay = Duration.ofMillis((long) (age.toMillis() * (settings.pollMultiplier() - 1)));
        Integer progress = job.progress();
        if (progress != null && progress > 0 && progress < 100) {
            // at a steady rate the job ends after age * (100 - p) / p more: look then rather than much later
            Duration expectedRest = age.multipliedBy(100 - progress).dividedBy(progress);
            delay = delay.compareTo(expectedRest) < 0 ? delay : expectedRest;
        }
        return jitter(clamp(delay, settings.pollInitial(), settings.pollMax()));
    }

    Duration nextRetry(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = settings.retryInitial().multipliedBy(factor);
        return jitter(clamp(delay, settings.retryInitial(), settings.retryMax()));
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** Up to 10% less, so jobs created together do not poll in lock-step. */
    private static Duration jitter(Duration delay) {
        long millis = delay.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 10 + 1));
    }
}
