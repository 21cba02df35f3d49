package io.iotjobbridge.job;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** When to look at a job next: status checks thin out as a job ages, retries back off exponentially, both jittered. */
final class Pacing {

    private final EngineSettings settings;

    Pacing(EngineSettings settings) {
        this.settings = settings;
    }

    /** A job that has run for an hour is checked far less often than one that started a minute ago. */
    Duration nextPoll(Instant receivedAt, Instant now) {
        Duration age = Duration.between(receivedAt, now);
        Duration delay = clamp(age.dividedBy(4), settings.pollInitial(), settings.pollMax());
        return jitter(delay);
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
