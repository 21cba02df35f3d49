package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.vendor.SubmitWindow;
import io.iotjobbridge.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExportTaskFlow#findSubmitted} against the sandbox: after a CreateExportTask whose answer was lost, the
 * newest-first ListExportTasks tells whether an export of the request's batch task was made since.
 */
class ExportTaskLookupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FlowFixture fixture;
    private ExportTaskFlow flow;
    private List<String> batchTasks;

    @BeforeEach
    void start() throws Exception {
        fixture = new FlowFixture(SandboxSettings.defaults().huawei().withExportLimits(100, 80)
                .withQps("CreateExportTask", 1_000).withQps("ListExportTasks", 1_000), dir.resolve("work"));
        flow = new ExportTaskFlow(fixture.client, fixture.spool, fixture.sweep());
        batchTasks = new ArrayList<>();
        new BatchTaskPager(fixture.client).list(JSON.createObjectNode().put("task_type", "firmwareUpgrade"), 60,
                task -> batchTasks.add(task.path("task_id").asText()));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static ObjectNode exportParams(String taskId) {
        ObjectNode params = JSON.createObjectNode().put("resource_type", "BatchTask");
        params.putObject("resource_condition").put("task_id", taskId);
        return params.put("export_format", "xls");
    }

    private static JobRecord exportJob(String taskId) {
        return FlowFixture.job("export-lookup", "CreateExportTask", exportParams(taskId), null);
    }

    private String export(String taskId) throws VendorException {
        return flow.submit(exportJob(taskId));
    }

    private long listCalls() {
        return fixture.calls("ListExportTasks");
    }

    @Test
    void shouldFindTheExportTheLostCallMade() throws Exception {
        Instant sentAfter = fixture.clock.instant();
        fixture.clock.advance(Duration.ofMillis(200));
        String exportId = export(batchTasks.get(0));
        export(batchTasks.get(1));

        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), sentAfter)).contains(exportId);
        assertThat(listCalls()).isEqualTo(1);
    }

    @Test
    void shouldFindNothingWhenNoExportOfTheBatchTaskWasMade() throws Exception {
        Instant sentAfter = fixture.clock.instant();
        export(batchTasks.get(1));

        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), sentAfter)).isEmpty();
    }

    @Test
    void shouldAdoptOnlyAnExportCreatedAfterTheSendLessTheClockSkewAllowance() throws Exception {
        String earlier = export(batchTasks.get(0));
        fixture.clock.advance(SubmitWindow.CLOCK_SKEW);

        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), fixture.clock.instant())).contains(earlier);
        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), fixture.clock.instant().plusMillis(1)))
                .as("created 1 ms before the window").isEmpty();
    }

    @Test
    void shouldPageWithTheMarkerWhileTheExportsAreStillInTheWindow() throws Exception {
        Instant sentAfter = fixture.clock.instant();
        String exportId = export(batchTasks.get(0));
        for (String other : batchTasks.subList(1, 60)) {
            export(other);
        }

        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), sentAfter)).contains(exportId);
        assertThat(listCalls()).as("59 newer exports fill the first page").isEqualTo(2);
    }

    @Test
    void shouldStopPagingOnceTheExportsAreOlderThanTheWindow() throws Exception {
        export(batchTasks.get(0));
        for (String other : batchTasks.subList(1, 59)) {
            export(other);
        }
        fixture.clock.advance(Duration.ofHours(1));
        Instant sentAfter = fixture.clock.instant();
        fixture.client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(), exportParams(batchTasks.get(59)));

        assertThat(flow.findSubmitted(exportJob(batchTasks.get(0)), sentAfter)).isEmpty();
        assertThat(listCalls()).as("the first page already reaches past the window").isEqualTo(1);
    }
}
