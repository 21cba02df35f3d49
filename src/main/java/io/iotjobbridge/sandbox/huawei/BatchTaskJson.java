package io.iotjobbridge.sandbox.huawei;

import java.util.LinkedHashMap;
import java.util.Map;

import io.iotjobbridge.sandbox.huawei.BatchTimeline.BatchProgress;

/** HW-SDK {@code Task} and {@code TaskDetail} as JSON maps (null fields are dropped on the way out). */
final class BatchTaskJson {

    private BatchTaskJson() {
    }

    static Map<String, Object> task(BatchTask task, BatchProgress progress) {
        BatchTask.Spec spec = task.spec();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", task.id());
        json.put("task_name", spec.name());
        json.put("task_type", spec.type().wireName());
        json.put("task_mode", spec.taskMode());
        json.put("task_ext_info", spec.taskExtInfo());
        json.put("targets", task.targetsListed() ? task.targets() : null);
        json.put("targets_filter", spec.targetsFilter());
        json.put("document", spec.document());
        json.put("task_policy", spec.taskPolicy());
        json.put("status", progress.status().wireName());
        json.put("status_desc", progress.status().description());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", progress.total());
        counts.put("processing", progress.processing());
        counts.put("success", progress.success());
        counts.put("fail", progress.fail());
        counts.put("waitting", progress.waitting());
        // the sandbox never retries or stops devices
        counts.put("fail_wait_retry", 0);
        counts.put("stopped", 0);
        json.put("task_progress", counts);
        json.put("create_time", IotdaTimes.compact(task.createdAt()));
        return json;
    }

    /** One device's line: {@code output} once it succeeded, {@code error} once it failed. */
    static Map<String, Object> detail(DeviceDetail detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", detail.target());
        json.put("status", detail.status());
        json.put("output", detail.output());
        if (detail.errorCode() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error_code", detail.errorCode());
            error.put("error_msg", detail.errorMessage());
            json.put("error", error);
        }
        return json;
    }
}
