package io.iotjobbridge.request;

import java.util.Objects;

import io.iotjobbridge.request.spec.ObjectSpec;

/** A vendor operation a request may start: its vendor-given name and the rules for its {@code params}. */
public record OperationSpec(String name, ObjectSpec params) {

    public OperationSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
    }
}
