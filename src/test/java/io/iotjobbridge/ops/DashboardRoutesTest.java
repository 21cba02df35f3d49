package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard's files as the bridge serves them: types, the headers that keep the page safe, and GET only. One
 * bridge, with a status API token, serves every test: the files must be open whether or not a token is set.
 */
class DashboardRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of("bridge.http.token", "dashboard-test-token-0123456789"));
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/,              text/html; charset=utf-8,       <script src=\"/dashboard.js\"",
            "/dashboard.js,  text/javascript; charset=utf-8, textContent",
            "/dashboard.css, text/css; charset=utf-8,        [data-state=\"FAILED\"]"})
    void shouldServeEachFileWithItsTypeAndTheHeadersThatKeepThePageSafe(String path, String type, String excerpt)
            throws Exception {
        HttpResponse<String> response = get(path, "X-Probe", "echo-me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Probe")).as("request headers are not echoed").isEmpty();
        assertThat(response.body()).contains(excerpt);
    }

    @Test
    void shouldServeThePageWithoutTheTokenTheApiAsksFor() throws Exception {
        assertThat(get("/", "Accept", "text/html").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard.js", "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryMethodButGet() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> get(String path, String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create(bridge.httpUrl() + path);
    }
}
