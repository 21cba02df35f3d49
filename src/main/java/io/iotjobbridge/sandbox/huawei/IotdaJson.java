package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON in and out. Replies are plain maps and lists; a null field is left out rather than sent as null, as the vendor
 * omits fields it has no value for.
 */
final class IotdaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL));

    private IotdaJson() {
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply of plain maps and scalars failed to serialise", e);
        }
    }

    static String text(Object body) {
        return new String(write(body), StandardCharsets.UTF_8);
    }

    /** @throws IotdaRejection IOTDA.000008 when the body is not a JSON object */
    static ObjectNode readObject(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException malformed) {
            // answered below, as for any other body that is not an object
        }
        throw IotdaError.malformedBody().rejection();
    }

    /** A JSON value as plain Java (maps, lists, strings, numbers), to echo back what a client sent. */
    static Object toPlain(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : MAPPER.convertValue(node, Object.class);
    }
}
