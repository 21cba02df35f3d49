package io.iotjobbridge.http;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose body is read as it arrives, so a file of any size passes through constant memory.
 *
 * @param headers the response's headers, names case-insensitive
 */
public record StreamedReply(int status, long contentLength, InputStream body, Map<String, String> headers) {

    public StreamedReply {
        headers = HttpReply.ResponseHeaders.copyOf(headers);
    }

    public StreamedReply(int status, long contentLength, InputStream body) {
        this(status, contentLength, body, Map.of());
    }

    /** A response header by name, in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
