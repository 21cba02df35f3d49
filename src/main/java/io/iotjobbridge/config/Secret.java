package io.iotjobbridge.config;

import java.util.Objects;

/**
 * A credential value that never shows itself: {@code toString()} is masked so a secret that reaches a log line,
 * an exception message or a status event by accident prints as asterisks.
 */
public final class Secret {

    private static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value);
    }

    /** The clear value, for signing only. */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
