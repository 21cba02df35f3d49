package io.iotjobbridge.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.Secret;

/**
 * Calls the bridge's status API. The two answers no command can do anything about end the command at once with
 * {@link ExitCode#UNAVAILABLE}: no bridge answering, and a refused token.
 */
final class BridgeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final Optional<Secret> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    BridgeClient(URI base, Optional<Secret> token) {
        this.base = base;
        this.token = token;
    }

    /** {@code value} as one path segment, whatever an operator typed. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        String root = base.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.UNAVAILABLE, "no bridge answers at " + base + ": is it running? ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCode.UNAVAILABLE, "interrupted while calling the bridge at " + base);
        }
        Answer answer = new Answer(response.statusCode(), response.body());
        if (answer.status() == 401) {
            throw new CommandFailure(ExitCode.UNAVAILABLE, "the bridge refused the token: " + (token.isEmpty()
                    ? "none was given (use --token-file FILE or " + ConnectionOptions.TOKEN_ENV + ")"
                    : answer.violations()));
        }
        return answer;
    }

    /** One answer of the status API: its status code and JSON body as sent. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new CommandFailure(ExitCode.JOB_FAILED, "the bridge answered " + status + " with a body that is"
                        + " not JSON");
            }
        }

        /** The error answer's violations as "field: rule" texts joined by "; ", else its error text. */
        String violations() {
            StringBuilder text = new StringBuilder();
            for (JsonNode violation : json().path("violations")) {
                text.append(text.isEmpty() ? "" : "; ").append(violation.path("field").asText())
                        .append(": ").append(violation.path("rule").asText());
            }
            return text.isEmpty() ? json().path("error").asText("error " + status) : text.toString();
        }

        /** Ends the command: the bridge answered what the contract does not list for this call. */
        CommandFailure unexpected() {
            return new CommandFailure(ExitCode.JOB_FAILED, "the bridge answered " + status + ": " + violationsOrBody());
        }

        private String violationsOrBody() {
            try {
                JSON.readTree(body);
                return violations();
            } catch (JsonProcessingException e) {
                return body.length() > 200 ? body.substring(0, 200) + "…" : body;
            }
        }
    }
}
