package io.iotjobbridge.http;

import java.net.URI;
import java.util.Map;

/**
 * One outgoing HTTP request, fully formed: the origin and raw (already encoded) path and query are sent byte for byte,
 * because vendor signatures cover them exactly.
 */
public record HttpCall(String method, URI origin, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    public HttpCall {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
