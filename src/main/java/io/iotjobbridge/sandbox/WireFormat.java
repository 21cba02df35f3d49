package io.iotjobbridge.sandbox;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The two response formats of the RPC API. V3 callers always get JSON; V1 callers pick with {@code Format}. */
enum WireFormat {
    JSON("application/json;charset=utf-8"),
    // the exact value the tea SDK compares with before it parses an error body as XML
    XML("text/xml;charset=utf-8");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String contentType;

    WireFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The documented default for {@code Format} is XML; only an explicit JSON asks for JSON. */
    static WireFormat forV1(Map<String, String> params) {
        return "JSON".equalsIgnoreCase(params.get("Format")) ? JSON : XML;
    }

    String contentType() {
        return contentType;
    }

    /**
     * @param rootName the XML root element (e.g. {@code Error}, {@code GetDownloadFileResponse}); JSON has none
     */
    byte[] render(String rootName, Map<String, Object> body) {
        if (this == XML) {
            return XmlWriter.document(rootName, body);
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response of plain maps and scalars failed to serialise", e);
        }
    }
}
