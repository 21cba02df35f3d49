package io.iotjobbridge.request.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One constraint on a JSON value, written once as data. Implementations report every problem they find through
 * the {@link Validation} rather than stopping at the first, so a caller can show a user everything to fix at once.
 */
public interface ValueSpec {

    /**
     * Checks a present, non-null value.
     *
     * @param value the value to check; never null and never a JSON null (the enclosing object handles those)
     * @param path where the value sits, e.g. {@code params.FileConfig.fileName}; used as the violation's field
     */
    void check(JsonNode value, String path, Validation validation);
}
