package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.SeededDistributeJobs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The device-job and distribution samples, file in to files out, against the embedded sandbox's defaults. */
class AliyunDeviceJobsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_JOB_SAMPLE = "samples/requests/aliyun-create-job.json";
    private static final String WATCH_SAMPLE = "samples/requests/aliyun-watch-distribution.json";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldDeliverAReportOfEveryTaskOfTheCreateJobSampleWithoutBeingThrottled() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        String requestId = JSON.readTree(Path.of(CREATE_JOB_SAMPLE).toFile()).path("id").asText();

        bridge.drop("create-job.json", Files.readString(Path.of(CREATE_JOB_SAMPLE)));

        JobRecord job = awaitDelivered(requestId);
        Map<String, Path> files = deliveredByEnding(job);
        assertThat(files).containsOnlyKeys(requestId + "-tasks.jsonl", requestId + "-tasks.csv",
                requestId + "-summary.json");
        List<String> lines = Files.readAllLines(files.get(requestId + "-tasks.jsonl"));
        assertThat(lines).as("one line per device of the sandbox's 2000-device fleet").hasSize(2_000);
        assertThat(lines.stream().map(this::taskId).distinct().count()).as("every task exactly once")
                .isEqualTo(2_000);
        List<CSVRecord> rows = csv(files.get(requestId + "-tasks.csv"));
        assertThat(rows).hasSize(2_000);
        assertThat(firstLine(files.get(requestId + "-tasks.csv")))
                .isEqualTo("TaskId,ProductKey,DeviceName,IotId,Status,Progress,UtcQueueTime,UtcModified");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("ProductKey")).isEqualTo("a1LightProd"));

        JsonNode summary = JSON.readTree(files.get(requestId + "-summary.json").toFile());
        assertThat(summary.path("jobId").asText()).isEqualTo(job.vendorJobId());
        assertThat(summary.path("jobName").asText()).isEqualTo("reboot_light_fleet");
        assertThat(summary.path("type").asText()).isEqualTo("INVOKE_SERVICE");
        assertThat(summary.path("vendorStatus").asText()).isEqualTo("COMPLETED");
        assertThat(summary.path("rows").asLong()).isEqualTo(2_000);
        assertThat(summary.path("statistics").path("Total").asInt()).isEqualTo(2_000);
        assertThat(summary.has("note")).as("rows and statistics agree").isFalse();
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(r -> r.get("Status"),
                Collectors.counting()));
        assertThat(summary.path("tasksByStatus").properties()).hasSize(byStatus.size())
                .allSatisfy(e -> assertThat(e.getValue().asLong()).isEqualTo(byStatus.get(e.getKey())));
        assertThat(summary.path("tasksByStatus").path("SUCCEEDED").asLong())
                .isEqualTo(summary.path("statistics").path("Succeeded").asLong()).isPositive();

        assertThat(bridge.sandbox().stats().callsOf("CreateJob")).isEqualTo(1);
        assertThat(bridge.sandbox().stats().callsOf("ListTask")).as("40 pages of 50").isEqualTo(40);
        assertThat(bridge.sandbox().stats().rejectionsOf("Throttling.User")).isZero();
        assertThat(bridge.sandbox().stats().rejections()).isEmpty();
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/create-job.json")));
        // the spool is cleared just after DELIVERED is committed, so wait for it rather than race it
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(dataDir.resolve("work").resolve(job.id())).as("the spool is cleared").doesNotExist());
    }

    @Test
    void shouldDeliverTheDistributionResultOfTheWatchedSeededJob() throws Exception {
        // long enough that the watch sees the seeded job still running (Status 1) before it finishes
        bridge = bridges.start(dataDir, Map.of("bridge.sandbox.aliyun.distribute-running-ms", "4000"));
        String requestId = JSON.readTree(Path.of(WATCH_SAMPLE).toFile()).path("id").asText();

        bridge.drop("watch.json", Files.readString(Path.of(WATCH_SAMPLE)));

        JobRecord job = awaitDelivered(requestId);
        assertThat(job.vendorJobId()).isEqualTo(SeededDistributeJobs.SEEDED_RUNNING);
        assertThat(job.vendorStatus()).isEqualTo("2 (finished)");
        String fileName = requestId + "-distribution-" + SeededDistributeJobs.SEEDED_RUNNING + ".csv";
        Map<String, Path> files = deliveredByEnding(job);
        assertThat(files).containsOnlyKeys(fileName);
        List<CSVRecord> rows = csv(files.get(fileName));
        assertThat(firstLine(files.get(fileName))).isEqualTo("ProductKey,DeviceName,TargetInstanceId,Result,Message");
        assertThat(rows).as("the seeded running job moves 5 devices").hasSize(5)
                .allSatisfy(row -> assertThat(row.get("ProductKey")).isEqualTo("a1SbxRunPk1"));
        assertThat(bridge.ledger().history(job.id())).extracting(t -> t.state()).containsExactly(
                JobState.RECEIVED, JobState.SUBMITTING, JobState.SUBMITTED, JobState.RUNNING,
                JobState.DOWNLOADING, JobState.DELIVERED);
        assertThat(bridge.sandbox().stats().rejections()).isEmpty();
    }

    @Test
    void shouldFailTheWatchOfAnUnknownDistributionJobWithTheVendorsCode() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of(WATCH_SAMPLE).toFile());
        request.put("id", "watch-unknown");
        ((ObjectNode) request.path("params")).put("JobId", "UbmsNoSuchJob0000000010001");

        bridge.drop("watch.json", JSON.writeValueAsString(request));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("watch-unknown")
                .map(j -> j.state() == JobState.FAILED).orElse(false));
        JobRecord job = bridge.job("watch-unknown");
        assertThat(job.reason()).startsWith("iot.system.IllegalRequest: ").contains("UbmsNoSuchJob0000000010001");
        assertThat(bridge.ledger().files(job.id())).isEmpty();
        assertThat(bridge.sandbox().stats().callsOf("QueryDeviceDistributeJob")).as("not retried").isEqualTo(1);
    }

    private JobRecord awaitDelivered(String requestId) {
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(requestId)
                .map(j -> j.state() == JobState.DELIVERED || j.state() == JobState.FAILED).orElse(false));
        JobRecord job = bridge.job(requestId);
        assertThat(job.state()).as("job ended with reason %s", job.reason()).isEqualTo(JobState.DELIVERED);
        return job;
    }

    /** Each delivered file by its name in the outbox (the last path segment), checked against the ledger. */
    private Map<String, Path> deliveredByEnding(JobRecord job) throws Exception {
        List<DeliveredFile> files = bridge.ledger().files(job.id());
        Map<String, Path> byName = new HashMap<>();
        for (DeliveredFile file : files) {
            Path path = bridge.outbox().resolve(file.name());
            assertThat(Files.size(path)).isEqualTo(file.sizeBytes());
            byName.put(path.getFileName().toString(), path);
        }
        return byName;
    }

    private String taskId(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).path("TaskId").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + jsonLine, e);
        }
    }

    private static String firstLine(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }
}
