package io.iotjobbridge.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.testing.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged bridge with {@code -Dbridge.log.format=json}: every line it writes is one JSON object, and every job
 * transition is one line carrying the job id, vendor and vendor job id as fields of their own.
 */
class JsonLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void shouldWriteOneJsonObjectPerLineAndOneLinePerTransition() throws Exception {
        Path log = dataDir.resolve("bridge.log");
        Files.createDirectories(dataDir.resolve("inbox"));
        Process bridge = PackagedJar.start(List.of("-Dbridge.log.format=json", "-Dbridge.data-dir=" + dataDir,
                "-Dbridge.sandbox.port=0", "-Dbridge.broker.port=0",
                "-Dbridge.sandbox.aliyun.running-ms=300"), List.of(), log);
        try {
            Path staged = Files.copy(Path.of("samples/requests/aliyun-download-product-info.json"),
                    dataDir.resolve("request.json"));
            Files.move(staged, dataDir.resolve("inbox").resolve("request.json"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(60)).until(() -> transitions(log).stream()
                    .anyMatch(line -> "DELIVERED".equals(field(line, "to"))));

            List<JsonNode> transitions = transitions(log);
            assertThat(transitions).extracting(line -> field(line, "to")).containsExactly(
                    "RECEIVED", "SUBMITTING", "SUBMITTED", "RUNNING", "DOWNLOADING", "DELIVERED");
            JsonNode delivered = transitions.get(transitions.size() - 1);
            assertThat(field(delivered, "jobId")).isNotBlank();
            assertThat(field(delivered, "vendor")).isEqualTo("aliyun");
            assertThat(field(delivered, "vendorJobId")).isNotEqualTo("-");
            assertThat(field(delivered, "from")).isEqualTo("DOWNLOADING");
            assertThat(delivered.get("formattedMessage").asText()).contains(field(delivered, "vendorJobId"));
        } finally {
            bridge.destroy();
            bridge.waitFor();
        }
    }

    /** Every line parsed as JSON (failing on the first that is not), then the transition lines among them. */
    private static List<JsonNode> transitions(Path log) throws Exception {
        List<JsonNode> transitions = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            if ("io.iotjobbridge.transitions".equals(node.path("loggerName").asText())) {
                transitions.add(node);
            }
        }
        return transitions;
    }

    /** A key-value field; logback writes them as a list of one-entry objects. */
    private static String field(JsonNode line, String name) {
        for (JsonNode pair : line.path("kvpList")) {
            if (pair.has(name)) {
                return pair.get(name).asText();
            }
        }
        return null;
    }
}
