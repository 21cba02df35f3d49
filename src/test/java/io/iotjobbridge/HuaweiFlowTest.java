package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Huawei samples, file in to files out, through the whole application and its embedded IoTDA sandbox. */
class HuaweiFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quick exports, and no 30 s download window between them, so a test takes seconds. */
    private static final Map<String, String> FAST = Map.of(
            "bridge.sandbox.huawei.export-running-ms", "300",
            "bridge.sandbox.huawei.download-interval-ms", "0");

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    private void awaitState(String requestId, JobState state) {
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(requestId)
                .map(job -> {
                    assertThat(job.state()).as("job %s (%s)", requestId, job.reason()).isNotEqualTo(
                            state == JobState.FAILED ? JobState.DELIVERED : JobState.FAILED);
                    return job.state() == state;
                }).orElse(false));
    }

    /** Delivered files of a request's job by their name in the outbox (the part after the last '/'). */
    private Map<String, Path> delivered(String requestId) {
        Map<String, Path> files = new HashMap<>();
        for (DeliveredFile file : bridge.ledger().files(bridge.job(requestId).id())) {
            Path path = bridge.outbox().resolve(file.name());
            assertThat(path).exists().hasSize(file.sizeBytes());
            files.put(path.getFileName().toString(), path);
        }
        return files;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void shouldDeliverTheExportSampleAsItsZipAndTheSpreadsheetInside() throws Exception {
        bridge = bridges.start(dataDir, FAST);
        String requestId = "huawei-export-fw-upgrade-watermeter";

        bridge.drop("export.json", Files.readString(Path.of("samples/requests/huawei-export-batch-task.json")));

        awaitState(requestId, JobState.DELIVERED);
        JobRecord job = bridge.job(requestId);
        Map<String, Path> files = delivered(requestId);
        String zipName = requestId + "-export_" + job.vendorJobId() + ".zip";
        String sheetName = requestId + "-01fc671f0000000000000071_Success.xls";
        assertThat(files).containsOnlyKeys(zipName, sheetName);
        Map<String, byte[]> entries = unzip(files.get(zipName));
        assertThat(entries).containsOnlyKeys("01fc671f0000000000000071_Success.xls");
        assertThat(Files.readAllBytes(files.get(sheetName)))
                .isEqualTo(entries.get("01fc671f0000000000000071_Success.xls"));
        assertThat(Files.readString(files.get(sheetName))).contains("<Workbook", "Target");
        // RUNNING is seen only if a status check comes before the (fast) sandbox export is done
        assertThat(bridge.ledger().history(job.id())).extracting(t -> t.state())
                .containsSubsequence(JobState.RECEIVED, JobState.SUBMITTING, JobState.SUBMITTED,
                        JobState.DOWNLOADING, JobState.DELIVERED)
                .doesNotContain(JobState.FAILED, JobState.QUEUED);
        assertThat(bridge.sandbox().stats().callsOf("CreateExportTask")).isEqualTo(1);
        assertThat(bridge.sandbox().stats().callsOf("ShowExportTask")).as("the file is downloaded once").isEqualTo(1);
        assertThat(bridge.sandbox().stats().rejections()).isEmpty();
        // the spool is cleared just after DELIVERED is committed, so wait for it rather than race it
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(dataDir.resolve("work").resolve(job.id())).as("the spool is cleared").doesNotExist());
    }

    @Test
    void shouldDeliverTheListSampleAsAReportAndASummaryWithoutCreatingAnything() throws Exception {
        bridge = bridges.start(dataDir, FAST);
        String requestId = "huawei-firmware-upgrades";

        bridge.drop("list.json", Files.readString(Path.of("samples/requests/huawei-list-batch-tasks.json")));

        awaitState(requestId, JobState.DELIVERED);
        Map<String, Path> files = delivered(requestId);
        String base = requestId;
        assertThat(files).containsOnlyKeys(base + "-batchtasks.jsonl", base + "-batchtasks.csv",
                base + "-summary.json");
        List<JsonNode> rows = jsonLines(files.get(base + "-batchtasks.jsonl"));
        // the sandbox seeds 120 tasks per account, half of them firmware upgrades
        assertThat(rows).hasSize(60).allSatisfy(row -> assertThat(row.path("task_type").asText())
                .isEqualTo("firmwareUpgrade"));
        assertThat(rows).extracting(row -> row.path("task_id").asText()).doesNotHaveDuplicates();
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("task_id", "task_name", "task_type",
                "status", "status_desc", "create_time", "total", "processing", "success", "fail", "waitting",
                "fail_wait_retry", "stopped");
        assertThat(Files.readAllLines(files.get(base + "-batchtasks.csv"))).hasSize(61)
                .first().isEqualTo("task_id,task_name,task_type,status,status_desc,create_time,total,processing,"
                        + "success,fail,waitting,fail_wait_retry,stopped");
        JsonNode summary = JSON.readTree(files.get(base + "-summary.json").toFile());
        assertThat(summary.path("rows").asLong()).isEqualTo(60);
        assertThat(summary.path("truncated").asBoolean()).isFalse();
        assertThat(summary.path("filters").path("task_type").asText()).isEqualTo("firmwareUpgrade");
        long counted = 0;
        for (JsonNode count : summary.path("countsByStatus")) {
            counted += count.asLong();
        }
        assertThat(counted).isEqualTo(60);
        assertThat(summary.has("chainedExports")).isFalse();
        assertThat(bridge.job(requestId).vendorJobId()).startsWith("list-");
        assertThat(bridge.sandbox().stats().callsOf("ListBatchTasks")).as("60 tasks in pages of 50").isEqualTo(2);
        assertThat(bridge.sandbox().stats().callsOf("CreateExportTask")).isZero();
    }

    @Test
    void shouldChainOneExportJobPerFinishedListedTaskAndDeliverEach() throws Exception {
        bridge = bridges.start(dataDir, FAST);
        String requestId = "huawei-failed-software-upgrades";

        bridge.drop("chain.yaml", Files.readString(Path.of("samples/requests/huawei-list-and-export.yaml")));

        awaitState(requestId, JobState.DELIVERED);
        String base = requestId;
        JsonNode summary = JSON.readTree(delivered(requestId).get(base + "-summary.json").toFile());
        List<String> taskIds = new ArrayList<>();
        jsonLines(delivered(requestId).get(base + "-batchtasks.jsonl"))
                .forEach(row -> taskIds.add(row.path("task_id").asText()));
        assertThat(taskIds).hasSize(4);
        List<String> chained = new ArrayList<>();
        summary.path("chainedExports").forEach(id -> chained.add(id.asText()));
        assertThat(chained).containsExactlyElementsOf(taskIds.stream()
                .map(taskId -> requestId + ".export." + taskId).toList());
        for (String child : chained) {
            awaitState(child, JobState.DELIVERED);
            JobRecord job = bridge.job(child);
            assertThat(job.operation()).isEqualTo("CreateExportTask");
            assertThat(JSON.readTree(job.requestJson()).path("resource_condition").path("task_id").asText())
                    .isEqualTo(child.substring(child.lastIndexOf('.') + 1));
            assertThat(delivered(child).keySet()).hasSize(2)
                    .anySatisfy(name -> assertThat(name).endsWith(".zip"))
                    .anySatisfy(name -> assertThat(name).endsWith("_Fail.xls"));
        }
        assertThat(bridge.sandbox().stats().callsOf("CreateExportTask")).isEqualTo(4);
        assertThat(bridge.sandbox().stats().callsOf("ShowExportTask")).isEqualTo(4);
    }

    @Test
    void shouldListMoreThan500TasksByOffsetThenMarkerEachOnce() throws Exception {
        // 1300 seeded tasks, half of them firmware upgrades: 650 to list, beyond the offset limit of 500
        Map<String, String> settings = new HashMap<>(FAST);
        settings.put("bridge.sandbox.huawei.seeded-batch-tasks", "1300");
        bridge = bridges.start(dataDir, settings);
        String requestId = "huawei-firmware-upgrades";

        bridge.drop("list.json", Files.readString(Path.of("samples/requests/huawei-list-batch-tasks.json")));

        awaitState(requestId, JobState.DELIVERED);
        String base = requestId;
        List<String> ids = jsonLines(delivered(requestId).get(base + "-batchtasks.jsonl")).stream()
                .map(row -> row.path("task_id").asText()).toList();
        assertThat(ids).hasSize(650).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // offsets 0..500 (11 pages, 550 tasks), then the marker: two full pages and an empty one
        assertThat(bridge.sandbox().stats().callsOf("ListBatchTasks")).isEqualTo(14);
    }

    @Test
    void shouldFailAnExportTheVendorFailsWithItsReason() throws Exception {
        Map<String, String> settings = new HashMap<>(FAST);
        settings.put("bridge.sandbox.huawei.failing-batch-tasks", "01fc671f0000000000000071");
        bridge = bridges.start(dataDir, settings);
        String requestId = "huawei-export-fw-upgrade-watermeter";

        bridge.drop("export.json", Files.readString(Path.of("samples/requests/huawei-export-batch-task.json")));

        awaitState(requestId, JobState.FAILED);
        assertThat(bridge.job(requestId).reason()).contains("export task failed");
        try (Stream<Path> outbox = Files.exists(bridge.outbox()) ? Files.walk(bridge.outbox()) : Stream.empty()) {
            assertThat(outbox.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(bridge.outbox().resolve(".status")))).as("nothing delivered").isEmpty();
        }
    }
}
