package io.iotjobbridge.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A buffered HTTP response: used for vendor API calls, whose bodies are small JSON documents.
 *
 * @param headers the response's headers, names case-insensitive (e.g. a vendor's {@code X-Request-Id})
 */
public record HttpReply(int status, byte[] body, Map<String, String> headers) {

    public HttpReply {
        headers = ResponseHeaders.copyOf(headers);
    }

    public HttpReply(int status, byte[] body) {
        this(status, body, Map.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A response header by name, in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Response header maps whose lookups ignore case, as HTTP header names do. */
    static final class ResponseHeaders {

        private ResponseHeaders() {
        }

        static Map<String, String> copyOf(Map<String, String> headers) {
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                copy.putAll(headers);
            }
            return java.util.Collections.unmodifiableMap(copy);
        }
    }
}
