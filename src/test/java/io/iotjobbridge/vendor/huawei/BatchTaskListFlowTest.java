package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.OperationCatalog;
import io.iotjobbridge.request.RequestValidator;
import io.iotjobbridge.request.spec.Specs;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.LocalFile;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch task listing against the sandbox: naming, waiting for tasks to finish, report, chained exports. */
class BatchTaskListFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HuaweiOperations.IotdaApi CREATE_BATCH_TASK = new HuaweiOperations.IotdaApi(
            "CreateBatchTask", "POST", "batchtasks", Specs.object(), Set.of(), Specs.object());
    private static final String ID_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    @TempDir
    Path dir;

    private FlowFixture fixture;
    private BatchTaskListFlow flow;

    @BeforeEach
    void start() {
        // batch tasks take 10 s here, so the three newest seeded ones are still running at the start
        fixture = new FlowFixture(SandboxSettings.defaults().huawei().withBatchRunningFor(Duration.ofSeconds(10)),
                dir.resolve("work"));
        flow = new BatchTaskListFlow(fixture.client, fixture.spool, fixture.sweep());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static ObjectNode params(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private JobRecord job(String requestId, String paramsJson, String optionsJson) throws Exception {
        JobRecord job = FlowFixture.job(requestId, "ListBatchTasks", params(paramsJson),
                optionsJson == null ? null : params(optionsJson));
        return FlowFixture.submitted(job, flow.submit(job));
    }

    private String createTask(String name, String appId) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("task_name", name).put("task_type", "softwareUpgrade")
                .put("app_id", appId);
        body.putArray("targets").add("device-1").add("device-2");
        return fixture.client.call(CREATE_BATCH_TASK, Map.of(), body).path("task_id").asText();
    }

    @Test
    void shouldNameTheListingAfterItsParametersWithoutCallingTheVendor() throws Exception {
        JobRecord a = job("a", "{\"task_type\":\"firmwareUpgrade\",\"status\":\"Success\"}", null);
        JobRecord sameInOtherOrder = job("b", "{\"status\":\"Success\",\"task_type\":\"firmwareUpgrade\"}", null);
        JobRecord other = job("c", "{\"task_type\":\"softwareUpgrade\"}", null);

        assertThat(a.vendorJobId()).matches("list-[0-9a-f]{16}").isEqualTo(sameInOtherOrder.vendorJobId())
                .isNotEqualTo(other.vendorJobId());
        assertThat(fixture.calls("ListBatchTasks")).isZero();
    }

    @Test
    void shouldBeReadyAtOnceWhenNotWaiting() throws Exception {
        JobRecord job = job("ready", "{\"task_type\":\"firmwareUpgrade\"}", "{\"waitUntilFinished\":false}");

        assertThat(flow.check(job)).isInstanceOf(JobStatus.Succeeded.class);
        assertThat(fixture.calls("ListBatchTasks")).isZero();
    }

    @Test
    void shouldRunWhileAnyListedTaskIsUnfinishedWithTheirMeanCompletionAsProgress() throws Exception {
        JobRecord job = job("wait", "{\"task_type\":\"firmwareUpgrade\"}", "{\"waitUntilFinished\":true}");

        JobStatus early = flow.check(job);
        fixture.clock.advance(Duration.ofSeconds(11));
        JobStatus later = flow.check(job);

        // 60 firmware upgrades, 59 finished (100 %) and the newest still at 0 %: floor(5900 / 60) = 98
        assertThat(early).isEqualTo(new JobStatus.Running("1 of 60 listed tasks unfinished", 98));
        assertThat(later).isEqualTo(new JobStatus.Succeeded("all 60 listed tasks finished"));
    }

    @Test
    void shouldListOnceForEveryJobWatchingTheSameFiltersAtTheSameTime() throws Exception {
        String waiting = "{\"waitUntilFinished\":true}";
        List<JobRecord> sameFilters = List.of(
                job("w1", "{\"task_type\":\"firmwareUpgrade\"}", waiting),
                job("w2", "{\"task_type\":\"firmwareUpgrade\"}", waiting),
                job("w3", "{\"task_type\":\"firmwareUpgrade\"}", waiting));
        JobRecord otherCap = job("w4", "{\"task_type\":\"firmwareUpgrade\"}",
                "{\"waitUntilFinished\":true,\"maxTasks\":10}");

        for (JobRecord job : sameFilters) {
            assertThat(flow.check(job)).isEqualTo(new JobStatus.Running("1 of 60 listed tasks unfinished", 98));
        }
        long oneListing = fixture.calls("ListBatchTasks");
        assertThat(flow.check(otherCap)).isEqualTo(new JobStatus.Running("1 of 10 listed tasks unfinished", 90));
        fixture.clock.advance(Duration.ofSeconds(11));
        JobStatus later = flow.check(sameFilters.get(0));

        // 60 tasks in pages of 50
        assertThat(oneListing).as("the three identical watches share one listing").isEqualTo(2);
        assertThat(fixture.calls("ListBatchTasks")).as("another cap, then a stale listing, list again")
                .isEqualTo(2 + 1 + 2);
        assertThat(later).isEqualTo(new JobStatus.Succeeded("all 60 listed tasks finished"));
    }

    @Test
    void shouldReportEveryListedTaskAndSummariseThem() throws Exception {
        JobRecord job = job("report", "{\"task_type\":\"softwareUpgrade\",\"limit\":5}", null);

        List<ResultFile> files = flow.resultFiles(job);

        assertThat(files).extracting(ResultFile::fileName).containsExactly("batchtasks.jsonl",
                "batchtasks.csv", "summary.json");
        List<String> lines = Files.readAllLines(((LocalFile) files.get(0)).path());
        assertThat(lines).hasSize(12);
        JsonNode row = JSON.readTree(lines.get(0));
        assertThat(row.path("task_type").asText()).isEqualTo("softwareUpgrade");
        assertThat(row.path("total").isIntegralNumber()).isTrue();
        assertThat(row.path("create_time").asText()).matches("\\d{8}T\\d{6}Z");
        JsonNode summary = JSON.readTree(((LocalFile) files.get(2)).path().toFile());
        assertThat(summary.path("rows").asInt()).isEqualTo(12);
        assertThat(summary.path("listCalls").asInt()).as("12 tasks in pages of 5").isEqualTo(3);
        assertThat(summary.path("filters")).isEqualTo(params("{\"task_type\":\"softwareUpgrade\",\"limit\":5}"));
        int counted = 0;
        for (JsonNode count : summary.path("countsByStatus")) {
            counted += count.asInt();
        }
        assertThat(counted).isEqualTo(12);
    }

    @Test
    void shouldMarkAReportCutShortByMaxTasks() throws Exception {
        JobRecord job = job("capped", "{\"task_type\":\"firmwareUpgrade\"}", "{\"maxTasks\":10}");

        List<ResultFile> files = flow.resultFiles(job);

        assertThat(Files.readAllLines(((LocalFile) files.get(0)).path())).hasSize(10);
        JsonNode summary = JSON.readTree(((LocalFile) files.get(2)).path().toFile());
        assertThat(summary.path("truncated").asBoolean()).isTrue();
        assertThat(summary.path("maxTasks").asInt()).isEqualTo(10);
    }

    @Test
    void shouldStartOneValidExportRequestPerFinishedListedTask() throws Exception {
        String done1 = createTask("first", "app-1");
        String done2 = createTask("second", "app-1");
        createTask("elsewhere", "app-2");
        fixture.clock.advance(Duration.ofSeconds(11));
        String running = createTask("third", "app-1");
        JobRecord job = job("chain", "{\"task_type\":\"softwareUpgrade\",\"app_id\":\"app-1\"}",
                "{\"exportFinished\":true,\"extractEntries\":true}");

        List<ResultFile> files = flow.resultFiles(job);
        fixture.clock.advance(Duration.ofSeconds(11));
        List<JobRequest> exports = flow.followUps(job);

        assertThat(exports).extracting(JobRequest::id).containsExactly("chain.export." + done2,
                "chain.export." + done1);
        JsonNode summary = JSON.readTree(((LocalFile) files.get(2)).path().toFile());
        assertThat(summary.path("chainedExports")).extracting(JsonNode::asText)
                .containsExactly("chain.export." + done2, "chain.export." + done1);
        assertThat(summary.path("rows").asInt()).isEqualTo(3);
        assertThat(exports).noneMatch(r -> r.id().endsWith(running));
        JobRequest first = exports.get(0);
        assertThat(first.vendor()).isEqualTo(Vendor.HUAWEI);
        assertThat(first.account()).isEqualTo("default");
        assertThat(first.destination()).isEqualTo("default");
        assertThat(first.operation()).isEqualTo("CreateExportTask");
        assertThat(first.params()).isEqualTo(params("{\"resource_type\":\"BatchTask\",\"resource_condition\":"
                + "{\"task_id\":\"" + done2 + "\"},\"export_format\":\"xls\",\"app_id\":\"app-1\"}"));
        assertThat(first.options()).isEqualTo(params("{\"extractEntries\":true}"));
        RequestValidator validator = new RequestValidator(OperationCatalog.of(HuaweiOperations.TABLE),
                (vendor, account) -> true, Set.of("default"), Clock.systemUTC());
        exports.forEach(request -> assertThatCode(() -> validator.validate(request)).doesNotThrowAnyException());
    }

    @Test
    void shouldListAgainForFollowUpsWhenTheReportsExportListIsGone() throws Exception {
        JobRecord job = job("fresh", "{\"task_type\":\"softwareUpgrade\",\"status\":\"Fail\"}",
                "{\"exportFinished\":true}");

        List<String> failed = new ArrayList<>();
        new BatchTaskPager(fixture.client).list(params("{\"task_type\":\"softwareUpgrade\",\"status\":\"Fail\"}"),
                100, task -> failed.add("fresh.export." + task.path("task_id").asText()));

        List<JobRequest> exports = flow.followUps(job);

        assertThat(failed).isNotEmpty();
        assertThat(exports).extracting(JobRequest::id).containsExactlyElementsOf(failed);
        assertThat(exports).allSatisfy(request -> {
            assertThat(request.id()).matches(ID_RULE).startsWith("fresh.export.");
            assertThat(request.options().isEmpty()).isTrue();
            assertThat(request.params().has("app_id")).isFalse();
        });
    }

    @Test
    void shouldStartNothingWithoutExportFinished() throws Exception {
        JobRecord job = job("plain", "{\"task_type\":\"softwareUpgrade\"}", null);
        flow.resultFiles(job);

        assertThat(flow.followUps(job)).isEmpty();
    }

    @Test
    void shouldDeriveFollowUpIdsThatFitTheIdRuleAndStayDistinct() {
        String taskId = "01fc671f0000000000000071";
        String longParent = "p".repeat(128);
        String otherLongParent = "p".repeat(127) + "q";

        assertThat(BatchTaskListFlow.followUpId("list-1", taskId)).isEqualTo("list-1.export." + taskId);
        String derived = BatchTaskListFlow.followUpId(longParent, taskId);
        assertThat(derived).hasSizeLessThanOrEqualTo(128).matches(ID_RULE).endsWith(".export." + taskId)
                .isEqualTo(BatchTaskListFlow.followUpId(longParent, taskId))
                .isNotEqualTo(BatchTaskListFlow.followUpId(otherLongParent, taskId));
        List<String> fits = new ArrayList<>();
        for (int length = 90; length <= 128; length++) {
            fits.add(BatchTaskListFlow.followUpId("x".repeat(length), taskId));
        }
        assertThat(fits).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(128).matches(ID_RULE))
                .doesNotHaveDuplicates();
    }
}
