package io.iotjobbridge.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads one sample out of Prometheus' text format, for tests. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of the sample named {@code name} whose labels include every one of {@code labels}. */
    static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
