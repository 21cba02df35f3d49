package io.iotjobbridge.ops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Status API calls over real HTTP with the JDK client, as an operator's script would make them; answers are read as
 * JSON trees (a text node when the body is not JSON, as Prometheus' text is not).
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String authorization;

    /** @param token sent as {@code Authorization: Bearer <token>}; null sends none */
    public ApiClient(URI base, String token) {
        this.base = base;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    private ApiClient(String authorization, URI base) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Calls sending {@code Authorization: <value>}, exactly as given. */
    public ApiClient withAuthorization(String value) {
        return new ApiClient(value, base);
    }

    /** An answer: its status code, its body as JSON, its Content-Type and all its headers. */
    public record Answer(int status, JsonNode body, String contentType, HttpHeaders headers) {

        /** The violations as {@code field: rule} lines, the way a drop file's error report is compared. */
        public List<String> violations() {
            List<String> lines = new ArrayList<>();
            body.path("violations").forEach(v -> lines.add(v.path("field").asText() + ": " + v.path("rule").asText()));
            return lines;
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** Submits a request document; a null {@code contentType} sends none. */
    public Answer submit(String contentType, String document) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/jobs")
                .POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A body sent in chunks, without Content-Length, so only its bytes can tell its size. */
    public Answer submitChunked(String contentType, byte[] document) throws IOException, InterruptedException {
        return send(request("/api/jobs").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(document))));
    }

    public Answer retry(String id) throws IOException, InterruptedException {
        return send(request("/api/jobs/" + id + "/retry").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer cancel(String id) throws IOException, InterruptedException {
        return send(request("/api/jobs/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.getNodeFactory().textNode(response.body());
        }
        return new Answer(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(null),
                response.headers());
    }
}
