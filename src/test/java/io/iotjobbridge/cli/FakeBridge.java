package io.iotjobbridge.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the bridge's status API on a free port, answering each "METHOD /path?query" from a script in the
 * contract's shapes (the last answer repeats) and recording every request the command line sends. Anything not
 * scripted gets a 500, so a command calling the wrong path fails its test.
 */
final class FakeBridge implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Deque<Reply>> script = new HashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    FakeBridge() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method target} with {@code replies} in turn, then the last one for good. */
    FakeBridge on(String method, String target, Reply... replies) {
        script.computeIfAbsent(method + " " + target, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), target,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Deque<Reply> replies = script.get(exchange.getRequestMethod() + " " + target);
        Reply reply = replies == null ? new Reply(500, "{\"error\":\"not scripted: " + target + "\"}")
                : replies.size() > 1 ? replies.poll() : replies.peek();
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Reply(int status, String body) {
    }

    record Recorded(String method, String target, String authorization, String contentType, byte[] body) {
    }

    static Reply reply(int status, String body) {
        return new Reply(status, body);
    }

    /** A JobSummary as the contract writes it; {@code fields} replace the defaults, written as raw JSON values. */
    static String job(String id, String requestId, String state, Map<String, String> fields) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("id", quote(id));
        values.put("requestId", quote(requestId));
        values.put("vendor", quote("aliyun"));
        values.put("account", quote("default"));
        values.put("operation", quote("CreateDownloadDataJob"));
        values.put("destination", quote("default"));
        values.put("state", quote(state));
        values.put("vendorJobId", "null");
        values.put("vendorStatus", "null");
        values.put("progress", "null");
        values.put("reason", "null");
        values.put("attempts", "0");
        values.put("waitingFor", "null");
        values.put("nextRunAt", "null");
        values.put("createdAt", quote("2026-11-24T08:00:00Z"));
        values.put("updatedAt", quote("2026-11-24T08:00:01Z"));
        values.putAll(fields);
        StringBuilder json = new StringBuilder("{");
        values.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
        return json.append('}').toString();
    }

    /** GET /api/jobs/{id}'s answer: the job, no history or calls, and {@code files} (a JSON array). */
    static String detail(String job, String files) {
        return "{\"job\":" + job + ",\"history\":[],\"calls\":[],\"files\":" + files + "}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
