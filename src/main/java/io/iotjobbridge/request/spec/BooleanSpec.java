package io.iotjobbridge.request.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON boolean; the strings "true"/"yes" are not accepted in its place. */
public final class BooleanSpec implements ValueSpec {

    static final BooleanSpec INSTANCE = new BooleanSpec();

    private BooleanSpec() {
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isBoolean()) {
            validation.fail(path, "must be true or false; was " + Describe.kind(value));
        }
    }
}
