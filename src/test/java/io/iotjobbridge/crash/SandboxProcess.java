package io.iotjobbridge.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.testing.PackagedJar;

/**
 * The vendor sandbox alone, in a process of its own ({@code java -jar iot-job-bridge.jar sandbox}): bridges come and
 * go, killed or stopped, and the simulated vendors keep their jobs and their counts of calls meanwhile.
 */
final class SandboxProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxProcess(Process process, URI baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** @param settings {@code bridge.sandbox.*} keys and values, the port among them */
    static SandboxProcess start(Map<String, String> settings, Path log) throws IOException {
        List<String> properties = settings.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
        Process process = PackagedJar.start(properties, List.of("sandbox"), log);
        SandboxProcess sandbox = new SandboxProcess(process,
                URI.create("http://127.0.0.1:" + settings.get("bridge.sandbox.port")), log);
        try {
            await("the sandbox to answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the sandbox exited: " + Files.readString(log));
                        }
                        return sandbox.calls() != null;
                    });
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Calls per vendor API so far ({@code GET /sandbox/stats}), whether or not the sandbox accepted them. */
    Map<String, Long> calls() throws IOException, InterruptedException {
        return statsEntry("calls");
    }

    /** Injected faults handed out so far, per {@code <vendor>.<Action>:<fault>}. */
    Map<String, Long> faultsHandedOut() throws IOException, InterruptedException {
        return statsEntry("faults");
    }

    /** Sets fault plans, {@code target=spec} a line ({@code POST /sandbox/faults}). */
    void injectFaults(String plans) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/sandbox/faults"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(plans)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException("POST /sandbox/faults answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private Map<String, Long> statsEntry(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/sandbox/stats"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /sandbox/stats answered HTTP " + response.statusCode());
        }
        Map<String, Long> entries = new TreeMap<>();
        JSON.readTree(response.body()).path(name).fields()
                .forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asLong()));
        return entries;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
