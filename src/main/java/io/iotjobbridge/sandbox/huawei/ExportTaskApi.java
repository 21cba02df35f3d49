package io.iotjobbridge.sandbox.huawei;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CreateExportTask, ListExportTasks and the export file download (SDK name ShowExportTask), as seed page
 * "CreateExportTask" describes them; the limits themselves live in {@link ExportLedger}.
 */
final class ExportTaskApi {

    static final String RESOURCE_TYPE = "BatchTask";
    static final String FORMAT = "xls";

    private final BatchTimeline timeline;
    private final Duration running;
    private final Set<String> failingBatchTasks;

    ExportTaskApi(BatchTimeline timeline, Duration running, Set<String> failingBatchTasks) {
        this.timeline = timeline;
        this.running = running;
        this.failingBatchTasks = Set.copyOf(failingBatchTasks);
    }

    /**
     * {@code POST /v5/iot/{project_id}/export-tasks}: 201 with the new task, Processing. {@code resource_condition}
     * may come as an object or, as the SDK's sample sends it, as a string holding the JSON object.
     */
    IotdaReply create(IotdaCall call) {
        ObjectNode body = IotdaJson.readObject(call.request().body());
        InputRules.oneOf(InputRules.text(body, "resource_type", true), "resource_type", true,
                RESOURCE_TYPE::equals, RESOURCE_TYPE);
        String taskId = InputRules.text(conditionOf(body), "task_id", true);
        InputRules.oneOf(InputRules.text(body, "export_format", false), "export_format", false, FORMAT::equals,
                FORMAT);
        String appType = InputRules.oneOf(InputRules.text(body, "app_type", false), "app_type", false,
                Set.of("GLOBAL", "APP")::contains, "GLOBAL, APP");
        String appId = InputRules.appId(InputRules.text(body, "app_id", false), "app_id");
        BatchTask batchTask = BatchTaskApi.find(call.tenant(), taskId, "resource_condition.task_id");

        ExportTask export = call.tenant().exports().create(taskId, call.now(), id -> new ExportTask(id, batchTask,
                appType == null ? "GLOBAL" : appType, appId, call.now(), running,
                failingBatchTasks.contains(taskId)));
        return new IotdaReply.Json(201, json(export, call.now()));
    }

    /** {@code GET /v5/iot/{project_id}/export-tasks}: newest first, with the shared limit/marker/offset paging. */
    IotdaReply list(IotdaCall call) {
        Paging.Page<ExportTask> page = Paging.from(call.request())
                .take(call.tenant().exports().newestFirst(), ExportTask::id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("export_tasks", page.items().stream().map(t -> json(t, call.now())).toList());
        body.put("page", page.json());
        return new IotdaReply.Json(200, body);
    }

    /**
     * {@code GET /v5/iot/{project_id}/export-tasks/{export_task_id}/file}: the ZIP of a Success task. Only a served
     * file uses up the scope's download slot; a refused request does not.
     */
    IotdaReply file(IotdaCall call) {
        String id = call.resourceId();
        ExportTask export = call.tenant().exports().find(id)
                .orElseThrow(() -> IotdaError.exportTaskNotFound(id).rejection());
        String status = export.statusAt(call.now());
        if (!ExportTask.SUCCESS.equals(status)) {
            throw IotdaError.exportFileNotReady(id, status).rejection();
        }
        call.tenant().exports().startDownload(call.now());
        return new IotdaReply.File(ExportFile.fileName(export), "application/octet-stream",
                out -> ExportFile.write(out, export, timeline));
    }

    private static ObjectNode conditionOf(ObjectNode body) {
        JsonNode condition = body.get("resource_condition");
        if (condition == null || condition.isNull()) {
            throw InputRules.invalid("The parameter 'resource_condition' is required.");
        }
        if (condition instanceof ObjectNode object) {
            return object;
        }
        if (condition.isTextual()) {
            try {
                return IotdaJson.readObject(condition.asText().getBytes(StandardCharsets.UTF_8));
            } catch (IotdaRejection notAnObject) {
                // answered below
            }
        }
        throw InputRules.invalid("The parameter 'resource_condition' must be a JSON object with a 'task_id'.");
    }

    private static Map<String, Object> json(ExportTask export, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("export_task_id", export.id());
        json.put("resource_type", RESOURCE_TYPE);
        json.put("resource_condition", Map.of("task_id", export.batchTask().id()));
        json.put("export_format", FORMAT);
        json.put("status", export.statusAt(now));
        json.put("export_count", export.exportCountAt(now));
        json.put("progress", export.progressAt(now));
        json.put("create_time", IotdaTimes.withMillis(export.createdAt()));
        json.put("end_time", export.finishedAt(now) ? IotdaTimes.withMillis(export.endsAt()) : null);
        json.put("app_type", export.appType());
        json.put("app_id", export.appId());
        return json;
    }
}
