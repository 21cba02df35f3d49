package io.iotjobbridge.request.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An object whose members the vendor defines and the bridge passes through untouched. Only the shape is checked;
 * the parser's depth and size limits still bound what it may contain.
 */
public final class FreeFormObjectSpec implements ValueSpec {

    static final FreeFormObjectSpec INSTANCE = new FreeFormObjectSpec();

    private FreeFormObjectSpec() {
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isObject()) {
            validation.fail(path, "must be an object; was " + Describe.kind(value));
        }
    }
}
