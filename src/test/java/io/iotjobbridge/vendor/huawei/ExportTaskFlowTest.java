package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.huawei.HuaweiSandboxSettings;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.LocalFile;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.VendorException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export flow against the sandbox: status over time, paging to find the task, eviction, one download. */
class ExportTaskFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FlowFixture fixture;
    private ExportTaskFlow flow;

    private void start(HuaweiSandboxSettings huawei) {
        fixture = new FlowFixture(huawei, dir.resolve("work"));
        flow = new ExportTaskFlow(fixture.client, fixture.spool, fixture.sweep());
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Distinct seeded batch task ids (newest first), any status: an export may be made of any task. */
    private List<String> batchTasks(int count) throws VendorException {
        List<String> ids = new ArrayList<>();
        new BatchTaskPager(fixture.client).list(JSON.createObjectNode().put("task_type", "firmwareUpgrade"), count,
                task -> ids.add(task.path("task_id").asText()));
        return ids;
    }

    private static ObjectNode exportOf(String taskId) {
        ObjectNode params = JSON.createObjectNode().put("resource_type", "BatchTask");
        params.putObject("resource_condition").put("task_id", taskId);
        return params.put("export_format", "xls");
    }

    private JobRecord submit(String requestId, String taskId, ObjectNode options) throws VendorException {
        JobRecord job = FlowFixture.job(requestId, "CreateExportTask", exportOf(taskId), options);
        return FlowFixture.submitted(job, flow.submit(job));
    }

    @Test
    void shouldReportProcessingWithProgressUntilTheExportSucceeds() throws Exception {
        start(SandboxSettings.defaults().huawei());
        JobRecord job = submit("export-1", batchTasks(5).get(4), null);
        fixture.clock.advance(Duration.ofSeconds(1));

        JobStatus running = flow.check(job);
        fixture.clock.advance(Duration.ofSeconds(2));
        JobStatus done = flow.check(job);

        assertThat(job.vendorJobId()).matches("[0-9a-f]{24}");
        assertThat(running).isEqualTo(new JobStatus.Running("Processing", 33));
        assertThat(done).isEqualTo(new JobStatus.Succeeded("Success"));
    }

    @Test
    void shouldDownloadTheFileOnceAndUnpackItOnEveryDeliveryAttempt() throws Exception {
        start(SandboxSettings.defaults().huawei());
        String taskId = batchTasks(5).get(4);
        JobRecord job = submit("export-2", taskId, JSON.createObjectNode().put("extractEntries", true));
        fixture.clock.advance(Duration.ofSeconds(5));

        List<ResultFile> first = flow.resultFiles(job);
        List<ResultFile> again = flow.resultFiles(job);

        String zipName = "export_" + job.vendorJobId() + ".zip";
        assertThat(first).extracting(ResultFile::fileName).hasSize(2).first().isEqualTo(zipName);
        assertThat(first.get(1).fileName()).startsWith(taskId + "_").endsWith(".xls");
        assertThat(again).extracting(ResultFile::fileName).containsExactlyElementsOf(
                first.stream().map(ResultFile::fileName).toList());
        assertThat(fixture.calls("ShowExportTask")).as("the vendor allows one download per 30 s").isEqualTo(1);
        byte[] entry;
        try (ResultContent zip = again.get(0).open(); ZipInputStream in = new ZipInputStream(zip.body())) {
            in.getNextEntry();
            entry = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(((LocalFile) again.get(1)).path())).isEqualTo(entry);
    }

    @Test
    void shouldDeliverOnlyTheZipWithoutExtractEntries() throws Exception {
        start(SandboxSettings.defaults().huawei());
        JobRecord job = submit("export-3", batchTasks(5).get(4), null);
        fixture.clock.advance(Duration.ofSeconds(5));

        List<ResultFile> files = flow.resultFiles(job);

        assertThat(files).extracting(ResultFile::fileName)
                .containsExactly("export_" + job.vendorJobId() + ".zip");
        try (InputStream zip = files.get(0).open().body()) {
            assertThat(zip.readNBytes(2)).containsExactly('P', 'K');
        }
    }

    @Test
    void shouldPageWithTheMarkerToFindAnOlderExport() throws Exception {
        start(SandboxSettings.defaults().huawei().withExportLimits(100, 80).withQps("CreateExportTask", 100));
        List<String> tasks = batchTasks(60);
        JobRecord job = submit("export-4", tasks.get(0), null);
        for (String other : tasks.subList(1, 60)) {
            fixture.client.call(HuaweiOperations.CREATE_EXPORT_TASK, java.util.Map.of(), exportOf(other));
        }
        fixture.clock.advance(Duration.ofSeconds(5));
        long before = fixture.calls("ListExportTasks");

        JobStatus status = flow.check(job);

        assertThat(status).isEqualTo(new JobStatus.Succeeded("Success"));
        assertThat(fixture.calls("ListExportTasks") - before).as("59 newer exports fill the first page").isEqualTo(2);
    }

    @Test
    void shouldFailSayingTheExportWasEvictedWhenNewerOnesPushedItOut() throws Exception {
        start(SandboxSettings.defaults().huawei().withExportLimits(5, 2));
        List<String> tasks = batchTasks(3);
        JobRecord job = submit("export-5", tasks.get(0), null);
        fixture.client.call(HuaweiOperations.CREATE_EXPORT_TASK, java.util.Map.of(), exportOf(tasks.get(1)));
        fixture.client.call(HuaweiOperations.CREATE_EXPORT_TASK, java.util.Map.of(), exportOf(tasks.get(2)));

        VendorException e = catchThrowableOfType(() -> flow.check(job), VendorException.class);

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.code()).isEqualTo("ExportTaskGone");
        assertThat(e.getMessage()).contains(job.vendorJobId(), "newest 50 export tasks", "evicted or overwritten");
    }

    @Test
    void shouldFailSayingTheExportWasOverwrittenWhenTheSameTaskWasExportedAgain() throws Exception {
        start(SandboxSettings.defaults().huawei());
        String taskId = batchTasks(1).get(0);
        JobRecord first = submit("export-6a", taskId, null);
        JobRecord second = submit("export-6b", taskId, null);
        fixture.clock.advance(Duration.ofSeconds(5));

        VendorException e = catchThrowableOfType(() -> flow.check(first), VendorException.class);

        assertThat(e.code()).isEqualTo("ExportTaskGone");
        assertThat(flow.check(second)).isEqualTo(new JobStatus.Succeeded("Success"));
    }

    @Test
    void shouldFailWhenTheVendorFailsTheExport() throws Exception {
        start(SandboxSettings.defaults().huawei());
        String taskId = batchTasks(1).get(0);
        fixture.close();
        start(SandboxSettings.defaults().huawei().withFailingBatchTasks(Set.of(taskId)));
        JobRecord job = submit("export-7", taskId, null);
        fixture.clock.advance(Duration.ofSeconds(5));

        assertThat(flow.check(job)).isEqualTo(new JobStatus.Failed("Failed",
                "IoTDA reports the export task failed (status Failed)"));
    }

    @Test
    void shouldReadTheDocumentedStatusesAndEndOnAnUnknownOne() throws Exception {
        assertThat(ExportTaskFlow.interpret(task("{\"status\":\"Processing\",\"progress\":98}")))
                .isEqualTo(new JobStatus.Running("Processing", 98));
        // the doc's own example: "progress" : "98,"
        assertThat(ExportTaskFlow.interpret(task("{\"status\":\"Processing\",\"progress\":\"98,\"}")))
                .isEqualTo(new JobStatus.Running("Processing", 98));
        assertThat(ExportTaskFlow.interpret(task("{\"status\":\"Processing\"}")))
                .isEqualTo(new JobStatus.Running("Processing", null));
        assertThat(ExportTaskFlow.interpret(task("{\"status\":\"Success\",\"progress\":100}")))
                .isEqualTo(new JobStatus.Succeeded("Success"));
        assertThat(ExportTaskFlow.interpret(task("{\"status\":\"Cancelled\"}")))
                .isInstanceOfSatisfying(JobStatus.Failed.class, failed ->
                        assertThat(failed.reason()).contains("undocumented export status 'Cancelled'"));
    }

    private static JsonNode task(String json) throws Exception {
        return JSON.readTree(json);
    }
}
