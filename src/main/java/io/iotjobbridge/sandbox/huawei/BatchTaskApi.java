package io.iotjobbridge.sandbox.huawei;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** ListBatchTasks, ShowBatchTask and CreateBatchTask over a scope's tasks; every status as of the call's clock. */
final class BatchTaskApi {

    private static final Set<String> DETAIL_STATUSES =
            Set.of("Success", "Fail", "Processing", "FailWaitRetry", "Stopped", "Waitting", "Removed");

    private final BatchTimeline timeline;

    BatchTaskApi(BatchTimeline timeline) {
        this.timeline = timeline;
    }

    /**
     * {@code GET /v5/iot/{project_id}/batchtasks}: {@code task_type} is required (the doc and the SDK's request
     * definition both say so); {@code status} and {@code app_id} filter further.
     */
    IotdaReply list(IotdaCall call) {
        IotdaRequest request = call.request();
        String appId = InputRules.appId(request.queryValue("app_id"), "app_id");
        String type = InputRules.oneOf(request.queryValue("task_type"), "task_type", true,
                value -> BatchTaskType.fromWire(value).isPresent(), BatchTaskType.wireNames());
        String status = InputRules.oneOf(request.queryValue("status"), "status", false, BatchStatus::isFilterValue,
                BatchStatus.filterValueList());
        Paging paging = Paging.from(request);

        List<Shown> matching = call.tenant().batchTasksNewestFirst().stream()
                .filter(task -> task.spec().type().wireName().equals(type))
                .filter(task -> appId == null || appId.equals(task.spec().appId()))
                .map(task -> new Shown(task, timeline.progressAt(task, call.now())))
                .filter(shown -> status == null || shown.progress().status().wireName().equals(status))
                .toList();
        Paging.Page<Shown> page = paging.take(matching, shown -> shown.task().id());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchtasks", page.items().stream().map(s -> BatchTaskJson.task(s.task(), s.progress())).toList());
        body.put("page", page.json());
        return new IotdaReply.Json(200, body);
    }

    /**
     * {@code GET /v5/iot/{project_id}/batchtasks/{task_id}}: the task and a page of its device details, filtered by
     * {@code task_detail_status} and {@code target}. Details carry no ids, so they page by {@code offset} only; a
     * {@code marker} is checked but has nothing to select (which is why large results are exported instead).
     */
    IotdaReply show(IotdaCall call) {
        IotdaRequest request = call.request();
        BatchTask task = find(call.tenant(), call.resourceId(), "task_id");
        String detailStatus = InputRules.oneOf(request.queryValue("task_detail_status"), "task_detail_status", false,
                DETAIL_STATUSES::contains, String.join(", ", DETAIL_STATUSES.stream().sorted().toList()));
        String target = request.queryValue("target");
        Paging paging = Paging.from(request);

        List<DeviceDetail> details = DeviceDetail.of(task, timeline, call.now());
        List<DeviceDetail> matching = IntStream.range(0, details.size())
                .mapToObj(details::get)
                .filter(d -> detailStatus == null || d.status().equals(detailStatus))
                .filter(d -> target == null || d.target().equals(target))
                .toList();
        List<Map<String, Object>> shown = matching.stream()
                .skip(paging.offset())
                .limit(paging.limit())
                .map(BatchTaskJson::detail)
                .toList();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchtask", BatchTaskJson.task(task, timeline.progressAt(task, call.now())));
        body.put("task_details", shown);
        body.put("page", new Paging.Page<>(shown, matching.size(), null).json());
        return new IotdaReply.Json(200, body);
    }

    /** {@code POST /v5/iot/{project_id}/batchtasks}: 201 with the new task, Initializing. */
    IotdaReply create(IotdaCall call) {
        CreateBatchTaskBody body = CreateBatchTaskBody.parse(IotdaJson.readObject(call.request().body()), call.now());
        BatchTask task = call.tenant().addBatchTask(id -> body.toTask(id, call.now()));
        return new IotdaReply.Json(201, BatchTaskJson.task(task, timeline.progressAt(task, call.now())));
    }

    /** The scope's batch task with this id, or 400 for a malformed id and 404 for an unknown one. */
    static BatchTask find(Tenant tenant, String taskId, String fieldName) {
        InputRules.taskId(taskId, fieldName);
        return tenant.batchTask(taskId).orElseThrow(() -> IotdaError.batchTaskNotFound(taskId).rejection());
    }

    private record Shown(BatchTask task, BatchTimeline.BatchProgress progress) {
    }
}
