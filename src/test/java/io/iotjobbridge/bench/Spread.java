package io.iotjobbridge.bench;

import java.time.Duration;
import java.util.List;

/** Mean and maximum of some durations, in milliseconds. */
record Spread(int count, long mean, long max) {

    static Spread of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Spread(0, 0, 0);
        }
        long sum = durations.stream().mapToLong(Duration::toMillis).sum();
        long max = durations.stream().mapToLong(Duration::toMillis).max().orElse(0);
        return new Spread(durations.size(), Math.round(sum / (double) durations.size()), max);
    }
}
