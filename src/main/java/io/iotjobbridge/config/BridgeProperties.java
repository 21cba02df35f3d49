package io.iotjobbridge.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.PropertiesComponent;

/**
 * Typed access to {@code bridge.*} settings through Camel's properties component, so every key can come from
 * application.properties, an extra config file, a JVM system property or an environment variable
 * ({@code bridge.data-dir} = {@code BRIDGE_DATA_DIR}), in Camel's usual order of precedence.
 */
public final class BridgeProperties {

    private final PropertiesComponent properties;

    public BridgeProperties(PropertiesComponent properties) {
        this.properties = properties;
    }

    public Optional<String> get(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
    }

    public double getDouble(String key, double fallback) {
        return get(key).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number; was '" + v + "'", e);
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Durations are written in milliseconds, the unit of every Camel timing option. */
    public Duration getMillis(String key, Duration fallback) {
        return get(key).map(v -> Duration.ofMillis(parse(key, v, Long::parseLong))).orElse(fallback);
    }

    /** The {@code <name>} parts of keys {@code <prefix><name>.…}, from the config files and system properties. */
    public Set<String> namesUnder(String prefix) {
        Set<String> names = new TreeSet<>();
        Properties loaded = properties.loadProperties(k -> k.startsWith(prefix));
        loaded.stringPropertyNames().forEach(k -> addName(names, prefix, k));
        System.getProperties().stringPropertyNames().forEach(k -> addName(names, prefix, k));
        return names;
    }

    private static void addName(Set<String> names, String prefix, String key) {
        if (key.startsWith(prefix)) {
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                names.add(rest.substring(0, dot));
            }
        }
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number; was '" + value + "'", e);
        }
    }
}
