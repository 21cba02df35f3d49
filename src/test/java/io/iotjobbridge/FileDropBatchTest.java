package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole application taking batch files, and rejecting files it must not read, each with a reason file. */
class FileDropBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DOWNLOAD_SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String LIST_SAMPLE = "samples/requests/huawei-list-batch-tasks.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    private static String sample(String path, String id) throws Exception {
        JsonNode request = JSON.readTree(Path.of(path).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) request).put("id", id);
        return JSON.writeValueAsString(request);
    }

    private boolean delivered(String requestId) {
        return bridge.ledger().findByRequestId(requestId).map(j -> j.state() == JobState.DELIVERED).orElse(false);
    }

    private JsonNode reasons(String fileName) throws Exception {
        Path reason = bridge.inbox().resolve(".error/" + fileName + ".error.json");
        await().atMost(WAIT).until(() -> Files.exists(reason) && Files.exists(bridge.inbox().resolve(".error/" + fileName)));
        return JSON.readTree(reason.toFile()).path("errors");
    }

    @Test
    void shouldDeliverEachRequestOfAJsonArrayBatch() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("batch.json", "[" + sample(DOWNLOAD_SAMPLE, "array-download") + ",\n"
                + sample(LIST_SAMPLE, "array-list") + "]");

        await().atMost(WAIT).until(() -> delivered("array-download") && delivered("array-list"));
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/batch.json")));
        assertThat(bridge.inbox().resolve(".error")).doesNotExist();
    }

    @Test
    void shouldDeliverEachRequestOfTheJsonLinesSample() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("batch-reports.jsonl", Files.readString(Path.of("samples/requests/batch-reports.jsonl")));

        await().atMost(WAIT).until(() -> delivered("batch-firmware-upgrades") && delivered("batch-software-upgrades")
                && delivered("batch-product-info-2022-07-20"));
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/batch-reports.jsonl")));
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
    }

    @Test
    void shouldAdmitNothingOfABatchWithOneBadItemAndNameTheItemInTheReason() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        String badRange = sample(DOWNLOAD_SAMPLE, "bad-range").replace("1658406464534", "1658000000000");

        bridge.drop("mixed.jsonl", sample(LIST_SAMPLE, "good-one") + "\n\n" + sample(LIST_SAMPLE, "good-two") + "\n"
                + badRange + "\n");
        bridge.drop("mixed.json", "[" + sample(LIST_SAMPLE, "good-three") + ", " + badRange + "]");

        assertThat(reasons("mixed.jsonl")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo("line 4: params.EndTime");
            assertThat(error.path("rule").asText()).startsWith("must be later than params.StartTime");
        });
        assertThat(reasons("mixed.json")).singleElement()
                .satisfies(error -> assertThat(error.path("field").asText()).isEqualTo("[1].params.EndTime"));
        assertThat(List.of("good-one", "good-two", "good-three", "bad-range"))
                .allSatisfy(id -> assertThat(bridge.ledger().findByRequestId(id)).as(id).isEmpty());
    }

    @Test
    void shouldRejectEmptyBinaryAndNonUtf8FilesWithAReasonWhileValidWorkContinues() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("empty.json", "");
        dropBytes("binary.json", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        dropBytes("latin1.yaml", "id: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        bridge.drop("good.json", sample(LIST_SAMPLE, "still-served"));

        assertThat(reasons("empty.json")).singleElement()
                .satisfies(error -> assertThat(error.path("rule").asText()).isEqualTo("the document is empty"));
        assertThat(reasons("binary.json")).singleElement()
                .satisfies(error -> assertThat(error.path("rule").asText()).isEqualTo("not a text document"));
        assertThat(reasons("latin1.yaml")).singleElement()
                .satisfies(error -> assertThat(error.path("rule").asText()).isEqualTo("not a text document"));
        await().atMost(WAIT).until(() -> delivered("still-served"));
    }

    @Test
    void shouldRejectAFileOverTheSizeLimitNamingTheSetting() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.inbox.max-file-bytes", "300"));

        bridge.drop("big.json", sample(LIST_SAMPLE, "big") + " ".repeat(300));
        bridge.drop("small.json", sample(LIST_SAMPLE, "small"));

        assertThat(reasons("big.json")).singleElement().satisfies(error -> assertThat(error.path("rule").asText())
                .matches("the file is \\d+ bytes; at most 300 bytes are taken \\(bridge.inbox.max-file-bytes\\)"));
        assertThat(bridge.ledger().findByRequestId("big")).isEmpty();
        await().atMost(WAIT).until(() -> delivered("small"));
    }

    @Test
    void shouldRejectAHugeFileWithoutReadingIt() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        // 3 GiB, but sparse: no disk and no time to make, and more than any byte array can hold, so reading it
        // at all would fail the take instead of rejecting the file
        Path staging = Files.createDirectories(dataDir.resolve("staging")).resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(staging.toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        Files.move(staging, bridge.inbox().resolve("huge.json"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(reasons("huge.json")).singleElement().satisfies(error -> assertThat(error.path("rule").asText())
                .isEqualTo("the file is 3221225472 bytes; at most 10485760 bytes are taken"
                        + " (bridge.inbox.max-file-bytes)"));
    }

    private void dropBytes(String fileName, byte[] content) throws Exception {
        Path staging = Files.createDirectories(dataDir.resolve("staging")).resolve(fileName);
        Files.write(staging, content);
        Files.move(staging, bridge.inbox().resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }
}
