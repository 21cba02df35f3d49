package io.iotjobbridge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * A secret setting, given inline (usually {@code {{env:NAME}}}) or as {@code <key>-file}, the path of a file
     * outside the repository holding it. A missing or unreadable one fails naming the key, never showing a value.
     */
    public static Secret fromSetting(Function<String, Optional<String>> properties, String key) {
        Optional<String> inline = properties.apply(key);
        if (inline.isPresent()) {
            return of(inline.get());
        }
        String file = properties.apply(key + "-file")
                .orElseThrow(() -> new IllegalStateException(key + " (or " + key + "-file) is not set"));
        try {
            return of(Files.readString(Path.of(file)).strip());
        } catch (IOException e) {
            throw new IllegalStateException(key + "-file cannot be read: " + e.getClass().getSimpleName(), e);
        }
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
