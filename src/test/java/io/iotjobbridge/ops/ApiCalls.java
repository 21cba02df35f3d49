package io.iotjobbridge.ops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Status API calls over real HTTP with the JDK client, as an operator's script would make them. */
final class ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String authorization;

    ApiCalls(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    ApiCalls(URI base) {
        this(base, null);
    }

    /** Calls sending {@code Authorization: <value>}, as given. */
    ApiCalls withAuthorization(String value) {
        return new ApiCalls(base, value);
    }

    /** An answer: its status and its body read as JSON. */
    record Answer(int status, JsonNode body) {

        /** The violations as {@code field: rule} lines, the way a drop file's error report is compared. */
        List<String> violations() {
            List<String> lines = new ArrayList<>();
            body.path("violations").forEach(v -> lines.add(v.path("field").asText() + ": " + v.path("rule").asText()));
            return lines;
        }
    }

    Answer submit(String contentType, String document) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/jobs")
                .POST(HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A body sent in chunks, without Content-Length, so only its bytes can tell its size. */
    Answer submitChunked(String contentType, byte[] document) throws IOException, InterruptedException {
        return send(request("/api/jobs").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(document))));
    }

    Answer retry(String id) throws IOException, InterruptedException {
        return send(request("/api/jobs/" + id + "/retry").POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer cancel(String id) throws IOException, InterruptedException {
        return send(request("/api/jobs/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    }
}
