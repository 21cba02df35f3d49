package io.iotjobbridge.request.spec;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What a running check needs besides the value: somewhere to report problems and the time. The sink takes
 * (field, rule) pairs so this package does not depend on whoever turns them into user-facing violations.
 */
public final class Validation {

    private final Clock clock;
    private final BiConsumer<String, String> sink;
    private int failures;

    public Validation(Clock clock, BiConsumer<String, String> sink) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Reports one broken rule; {@code rule} is plain words that read after "field: ". */
    public void fail(String field, String rule) {
        failures++;
        sink.accept(field, rule);
    }

    /** How many problems were reported so far; lets a container tell whether a child value passed. */
    public int failures() {
        return failures;
    }

    /** Injected so rules relative to "now" are testable with a fixed clock. */
    public Clock clock() {
        return clock;
    }
}
