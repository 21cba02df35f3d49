package io.iotjobbridge.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where the bridge's settings come from: the packaged application.properties, and an operator's own file outside the
 * jar named by {@code -Dbridge.config} or {@code BRIDGE_CONFIG} ({@code /etc/iot-job-bridge/bridge.properties}).
 * The bridge and its command line read the same files through here.
 */
public final class ConfigFiles {

    public static final String EXTRA_KEY = "bridge.config";
    public static final String EXTRA_ENV = "BRIDGE_CONFIG";

    private ConfigFiles() {
    }

    /** The operator's file: {@code systemValue} (a -D or an override) first, else the environment variable. */
    public static Optional<String> extra(String systemValue, Map<String, String> env) {
        String extra = systemValue != null ? systemValue : env.get(EXTRA_ENV);
        return Optional.ofNullable(extra).filter(file -> !file.isBlank());
    }

    /**
     * Camel property placeholder locations: the operator's file, when given, before the packaged one, because Camel
     * takes a key from the first location that has it and the operator's value must win.
     */
    public static String locations(Optional<String> extra) {
        return extra.map(file -> "file:" + file + ",").orElse("") + "classpath:application.properties";
    }
}
