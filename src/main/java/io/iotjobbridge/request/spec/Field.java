package io.iotjobbridge.request.spec;

import java.util.Objects;

/** A named member of an {@link ObjectSpec}: whether it must be present, and what its value must look like. */
public record Field(String name, boolean required, ValueSpec spec) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
