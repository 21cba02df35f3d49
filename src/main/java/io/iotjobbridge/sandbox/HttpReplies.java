package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

/** Small helpers every handler needs: request ids in the vendor's shape and complete, length-framed replies. */
final class HttpReplies {

    private HttpReplies() {
    }

    /** Upper-case UUIDs, as the vendor's RequestId values look. */
    static String newRequestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // HttpServer reads 0 as "chunked" and -1 as "no body"
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
