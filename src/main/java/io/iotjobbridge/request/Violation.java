package io.iotjobbridge.request;

import java.util.Objects;

/**
 * One broken rule in a job request: the field's path (e.g. {@code params.StartTime}, or {@code request} for the
 * document as a whole) and the rule in plain words.
 */
public record Violation(String field, String rule) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
