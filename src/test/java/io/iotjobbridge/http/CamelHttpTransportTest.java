package io.iotjobbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link CamelHttpTransport} puts on the wire and hands back, seen from a local server. */
class CamelHttpTransportTest {

    private final CopyOnWriteArrayList<String> requestLines = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<String> instanceIds = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private DefaultCamelContext camel;
    private CamelHttpTransport transport;
    private URI origin;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            instanceIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Instance-Id")));
            byte[] body = "file-bytes".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Request-Id", "req-42");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        camel = new DefaultCamelContext();
        camel.start();
        transport = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        transport.close();
        camel.stop();
        server.stop(0);
    }

    @Test
    void shouldHandAThrottlingAnswerBackAtOnceInsteadOfSendingTheCallAgain() throws IOException {
        server.createContext("/throttled", exchange -> {
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });

        HttpReply reply = transport.send(new HttpCall("GET", origin, "/throttled", null, Map.of(), null));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(requestLines).as("the engine decides about retries, not the HTTP client")
                .containsExactly("GET /throttled");
    }

    @Test
    void shouldSendExactlyThePathAndQueryOfTheCall() throws IOException {
        // a signature covers the query, so nothing may be added to it, not even when the call has none
        transport.send(new HttpCall("GET", origin, "/v5/iot/p/export-tasks/abc/file", null, Map.of(), null));
        transport.send(new HttpCall("POST", origin, "/v5/iot/p/export-tasks", "", Map.of("Content-Type",
                "application/json"), "{}".getBytes(StandardCharsets.UTF_8)));
        transport.send(new HttpCall("GET", origin, "/v5/iot/p/batchtasks", "limit=1&task_type=x", Map.of(), null));

        assertThat(requestLines).containsExactly("GET /v5/iot/p/export-tasks/abc/file",
                "POST /v5/iot/p/export-tasks", "GET /v5/iot/p/batchtasks?limit=1&task_type=x");
    }

    @Test
    void shouldStreamAnAuthenticatedCallWithItsHeadersAndReturnTheResponseHeaders() throws IOException {
        StreamedReply reply = transport.open(new HttpCall("GET", origin, "/file", null,
                Map.of("Instance-Id", "inst-1", "Authorization", "SDK-HMAC-SHA256 Access=ak"), null));

        try (InputStream body = reply.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("file-bytes");
        }
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentLength()).isEqualTo(10);
        assertThat(instanceIds).containsExactly("inst-1");
        assertThat(reply.header("x-request-id")).contains("req-42");
        assertThat(reply.headers()).as("the request's own headers are not mistaken for the response's")
                .doesNotContainKeys("Authorization", "Instance-Id");
    }
}
