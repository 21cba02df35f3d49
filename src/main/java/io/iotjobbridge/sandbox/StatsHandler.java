package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code GET /sandbox/stats}: the same snapshot as {@link VendorSandbox#stats()}, for out-of-process observers. */
final class StatsHandler implements HttpHandler {

    static final String PATH = "/sandbox/stats";

    private final StatsRecorder stats;

    StatsHandler(StatsRecorder stats) {
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            // drain without buffering: these endpoints take no body, whatever a client sends
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"GET".equals(exchange.getRequestMethod())) {
                HttpReplies.send(exchange, 404, "text/plain;charset=utf-8", new byte[0]);
                return;
            }
            HttpReplies.send(exchange, 200, WireFormat.JSON.contentType(),
                    WireFormat.JSON.render(null, toMap(stats.snapshot())));
        } finally {
            exchange.close();
        }
    }

    static Map<String, Object> toMap(SandboxStats snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calls", snapshot.calls());
        body.put("rejections", snapshot.rejections());
        body.put("pushed", snapshot.pushed());
        body.put("faults", snapshot.faults());
        body.put("downloads", snapshot.downloads());
        body.put("downloadBytes", snapshot.downloadBytes());
        return body;
    }
}
