package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iotjobbridge.sandbox.fault.Faults;

/**
 * {@code /sandbox/faults}, for tests and tools out of process: {@code GET} shows the steps still to come per target,
 * {@code POST} sets plans from a body of {@code <vendor>.<Action>=<spec>} lines (a bad line is a 400 naming it, and
 * nothing is set), {@code DELETE} drops every plan.
 */
final class FaultsHandler implements HttpHandler {

    static final String PATH = "/sandbox/faults";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String TEXT = "text/plain;charset=utf-8";

    private final Faults faults;

    FaultsHandler(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                HttpReplies.send(exchange, 404, TEXT, new byte[0]);
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> showPending(exchange);
                case "DELETE" -> {
                    faults.clear();
                    showPending(exchange);
                }
                case "POST" -> {
                    if (body.length > MAX_BODY_BYTES) {
                        HttpReplies.send(exchange, 413, TEXT, "fault plans are limited to 64 KiB\n".getBytes(
                                StandardCharsets.UTF_8));
                        return;
                    }
                    inject(exchange, new String(body, StandardCharsets.UTF_8));
                }
                default -> HttpReplies.send(exchange, 405, TEXT, new byte[0]);
            }
        } finally {
            exchange.close();
        }
    }

    private void inject(HttpExchange exchange, String text) throws IOException {
        Map<String, String> plans = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                HttpReplies.send(exchange, 400, TEXT, ("each line is <vendor>.<Action>=<spec>, e.g."
                        + " aliyun.GetDownloadFile=503,ok\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            plans.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        try {
            // all lines are checked before any plan is set, so a bad line leaves the plans as they were
            plans.forEach(faults::check);
            plans.forEach(faults::inject);
        } catch (IllegalArgumentException e) {
            HttpReplies.send(exchange, 400, TEXT, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        showPending(exchange);
    }

    private void showPending(HttpExchange exchange) throws IOException {
        HttpReplies.send(exchange, 200, WireFormat.JSON.contentType(),
                WireFormat.JSON.render(null, new LinkedHashMap<>(faults.pending())));
    }
}
