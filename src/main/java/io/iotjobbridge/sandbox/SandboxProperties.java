package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code bridge.sandbox.*} keys one at a time, treating blank as absent. A malformed value fails fast naming
 * the key, never the value, because some keys hold secrets.
 */
public final class SandboxProperties {

    public static final String PREFIX = "bridge.sandbox.";

    private final Function<String, String> lookup;

    public SandboxProperties(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public String text(String key, String fallback) {
        String value = lookup.apply(PREFIX + key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public long number(String key, long fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not a whole number", e);
        }
    }

    public int integer(String key, int fallback) {
        long value = number(key, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(PREFIX + key + " is out of range");
        }
        return (int) value;
    }

    public Duration millis(String key, long fallbackMillis) {
        long value = number(key, fallbackMillis);
        if (value < 0) {
            throw new IllegalArgumentException(PREFIX + key + " must not be negative");
        }
        return Duration.ofMillis(value);
    }

    /** {@code true} or {@code false}, any letter case; anything else fails naming the key. */
    public boolean flag(String key, boolean fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(PREFIX + key + " must be true or false");
    }

    public Set<String> list(String key) {
        String value = text(key, "");
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
