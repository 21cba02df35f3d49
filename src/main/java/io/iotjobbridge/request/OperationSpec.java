package io.iotjobbridge.request;

import java.util.Objects;

import io.iotjobbridge.request.spec.ObjectSpec;
import io.iotjobbridge.request.spec.Specs;

/**
 * A vendor operation a request may start: its vendor-given name, the rules for its {@code params}, and the bridge
 * {@code options} it understands (none unless given).
 */
public record OperationSpec(String name, ObjectSpec params, ObjectSpec options) {

    public OperationSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
    }

    /** An operation without bridge options. */
    public OperationSpec(String name, ObjectSpec params) {
        this(name, params, Specs.object());
    }
}
