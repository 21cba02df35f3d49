package io.iotjobbridge.sandbox;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the RPC parameters that carry JSON (TargetConfig, Device, ...). The vendor's own samples spell the keys inside
 * them both ways ({@code targetType}, {@code TargetType}), so keys are matched without regard to case.
 */
final class JsonParams {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonParams() {
    }

    /** The parameter as a JSON object, or an {@code iot.common.InvalidFormattedParameter} refusal naming it. */
    static JsonNode object(String value, String name) {
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw IotPlatformError.invalidParameter(name + " must be a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw IotPlatformError.invalidParameter(name + " must be a JSON object.");
        }
        return node;
    }

    /** The field whose name equals {@code name} ignoring case, or null. */
    static JsonNode field(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The field's non-blank string value, or null. */
    static String text(JsonNode object, String name) {
        JsonNode node = field(object, name);
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
