package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.CsvDigests;
import io.iotjobbridge.sandbox.SyntheticCsv;
import io.iotjobbridge.testing.Guarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole application, file in to file out, against its embedded sandbox. */
class FileDropFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldDeliverTheSampleRequestAsACsvInTheOutbox() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));
        JobRecord job = bridge.job("product-info-2022-07-20");
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/request.json")));
        assertThat(bridge.inbox().resolve("request.json")).doesNotExist();
        List<DeliveredFile> files = bridge.ledger().files(job.id());
        assertThat(files).hasSize(1);
        Path delivered = bridge.outbox().resolve(files.get(0).name());
        assertThat(delivered.toString()).endsWith("product-info-2022-07-20-fileName01.csv");
        assertThat(Files.size(delivered)).isEqualTo(files.get(0).sizeBytes()).isPositive();
        assertThat(CsvDigests.sha256(Files.newInputStream(delivered))).isEqualTo(files.get(0).sha256())
                .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(job.vendorJobId(), files.get(0).sizeBytes())));
        assertThat(bridge.ledger().history(job.id())).extracting(t -> t.state()).containsExactly(
                JobState.RECEIVED, JobState.SUBMITTING, JobState.SUBMITTED, JobState.RUNNING,
                JobState.DOWNLOADING, JobState.DELIVERED);
        assertThat(leftovers(bridge.outbox())).as("no temporary file is left behind").isEmpty();
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
        assertThat(bridge.sandbox().stats().rejections()).isEmpty();
    }

    @Test
    void shouldAcceptYamlRequests() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("request.yaml", Files.readString(Path.of("samples/requests/aliyun-download-product-info.yaml")));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20-yaml")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/request.yaml")));
    }

    @Test
    void shouldMoveAnInvalidRequestToErrorWithItsReasonAndKeepProcessingOthers() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        bridge.drop("bad.json", Files.readString(Path.of("samples/requests/invalid-range-too-long.json")));
        bridge.drop("good.json", Files.readString(Path.of(SAMPLE)));

        Path reason = bridge.inbox().resolve(".error/bad.json.error.json");
        Path archived = bridge.inbox().resolve(".error/bad.json");
        // the reason is written while the file is processed; the file itself is moved once processing completes
        await().atMost(WAIT).until(() -> Files.exists(reason) && Files.exists(archived));
        JsonNode report = new ObjectMapper().readTree(reason.toFile());
        assertThat(report.path("file").asText()).isEqualTo("bad.json");
        assertThat(report.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("params.EndTime");
            assertThat(error.path("rule").asText()).contains("31 days");
        });
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob"))
                .as("the invalid request never reached the vendor").isEqualTo(1);
    }

    @Guarantee(id = "R13", injection = "the same request id in two files",
            expected = "one job, one vendor job; both files archived to .done")
    @Test
    void shouldTreatTheSameRequestIdAsOneJob() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        String sample = Files.readString(Path.of(SAMPLE));

        bridge.drop("first.json", sample);
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/first.json")));
        bridge.drop("second.json", sample);
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/second.json")));
        bridge.drop("first.json", sample);
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/first-2.json")));

        await().atMost(WAIT).until(() -> bridge.job("product-info-2022-07-20").state() == JobState.DELIVERED);
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/first.json")));
    }

    @Test
    void shouldFailTheJobWithTheVendorsReasonWhenTheDownloadJobFails() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.sandbox.aliyun.failing-tables", "product_info"));

        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.FAILED).orElse(false));
        JobRecord job = bridge.job("product-info-2022-07-20");
        assertThat(job.reason()).contains("Status 2");
        assertThat(leftovers(bridge.outbox())).isEmpty();
    }

    @Test
    void shouldWaitForTheRunningDownloadOfTheSameInstanceInsteadOfFailing() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.sandbox.aliyun.running-ms", "1500"));
        String sample = Files.readString(Path.of(SAMPLE));

        bridge.drop("a.json", sample);
        bridge.drop("b.json", sample.replace("product-info-2022-07-20", "product-info-2022-07-20-second"));

        await().atMost(WAIT).until(() -> Stream.of("product-info-2022-07-20", "product-info-2022-07-20-second")
                .allMatch(id -> bridge.ledger().findByRequestId(id).map(j -> j.state() == JobState.DELIVERED)
                        .orElse(false)));
        assertThat(bridge.sandbox().stats().rejectionsOf("iot.dap.insight.processDownloadJobMoreConcurrenceCount"))
                .as("the bridge knows the quota: the vendor never has to refuse").isZero();
        JobRecord second = bridge.job("product-info-2022-07-20-second");
        JobRecord first = bridge.job("product-info-2022-07-20");
        JobRecord waited = bridge.ledger().history(first.id()).stream().anyMatch(t -> t.state() == JobState.QUEUED)
                ? first : second;
        assertThat(bridge.ledger().history(waited.id())).filteredOn(t -> t.state() == JobState.QUEUED)
                .first().satisfies(t -> assertThat(t.detail()).contains("1 running data download per instance"));
    }

    private static List<Path> leftovers(Path outbox) throws Exception {
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".part-"))
                    .toList();
        }
    }
}
