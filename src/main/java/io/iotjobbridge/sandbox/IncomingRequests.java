package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** Reading a request the way both simulated gateways do, before anything in it is trusted. */
public final class IncomingRequests {

    private IncomingRequests() {
    }

    /** Lower-case header names to their first value: signatures are computed over lower-case names. */
    public static Map<String, String> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    /** The whole body, or empty when it is longer than {@code maxBytes} (never read further than one byte past). */
    public static Optional<byte[]> body(HttpExchange exchange, int maxBytes) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBytes + 1);
        }
        return body.length > maxBytes ? Optional.empty() : Optional.of(body);
    }
}
