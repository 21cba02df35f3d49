package io.iotjobbridge.destination;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.iotjobbridge.config.BridgeProperties;

/**
 * The named destinations from configuration ({@code bridge.destinations.<name>.uri} and {@code .file-name}). The
 * {@code default} destination is the outbox folder unless configured otherwise.
 */
public final class Destinations {

    public static final String DEFAULT_TEMPLATE = "{vendor}/{operation}/{yyyy}/{MM}/{dd}/{requestId}-{fileName}";

    private final Map<String, Destination> byName;

    private Destinations(Map<String, Destination> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Destinations fromProperties(BridgeProperties props, Path outbox) {
        Map<String, Destination> byName = new TreeMap<>();
        Set<String> names = props.namesUnder("bridge.destinations.");
        names.add("default");
        for (String name : names) {
            String prefix = "bridge.destinations." + name + ".";
            String uri = props.get(prefix + "uri").orElseGet(() -> {
                if (!"default".equals(name)) {
                    throw new IllegalArgumentException(prefix + "uri is not set");
                }
                return "file:" + outbox;
            });
            byName.put(name, Destination.of(name, uri, template(prefix + "file-name", props)));
        }
        return new Destinations(byName);
    }

    private static FileNameTemplate template(String key, BridgeProperties props) {
        try {
            return new FileNameTemplate(props.get(key, DEFAULT_TEMPLATE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Destination get(String name) {
        Destination destination = byName.get(name);
        if (destination == null) {
            throw new IllegalStateException("destination '" + name + "' is no longer configured");
        }
        return destination;
    }
}
