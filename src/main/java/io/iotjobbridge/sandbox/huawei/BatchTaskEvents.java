package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.iotjobbridge.sandbox.push.JobWatcher;
import io.iotjobbridge.sandbox.push.PushAddress;
import io.iotjobbridge.sandbox.push.PushMessage;
import io.iotjobbridge.sandbox.push.Watch;

/**
 * IoTDA's batch task status notification (rule resource {@code batchtask}, event {@code update}), forwarded to the
 * account's AMQP queue each time a task's status changes:
 * {@code {"resource":"batchtask","event":"update","event_time":…,"event_time_ms":…,"request_id":…,
 * "notify_data":{"body":{"app_id","task_id","task_type","status","status_desc"}}}}. IoTDA documents no such event for
 * export tasks, so there is none.
 */
final class BatchTaskEvents {

    static final String KIND = "huawei.batchtask";
    private static final Set<BatchStatus> FINAL = Set.of(BatchStatus.SUCCESS, BatchStatus.PARTIAL_SUCCESS,
            BatchStatus.FAIL, BatchStatus.STOPPED);

    private final JobWatcher watcher;
    private final BatchTimeline timeline;
    private final String queue;

    BatchTaskEvents(JobWatcher watcher, BatchTimeline timeline, String queue) {
        this.watcher = watcher;
        this.timeline = timeline;
        this.queue = queue;
    }

    /** Pushes the task's later status changes to the scope's subscribers; a finished task is not watched. */
    void watch(TenantScope scope, BatchTask task) {
        watcher.watch(new Watch<BatchStatus>() {
            @Override
            public BatchStatus statusAt(Instant now) {
                return timeline.progressAt(task, now).status();
            }

            @Override
            public boolean isFinal(BatchStatus status) {
                return FINAL.contains(status);
            }

            @Override
            public Announcement announce(BatchStatus status, Instant now) {
                return new Announcement(PushAddress.huawei(scope.accessKeyId(), scope.instanceId()), queue,
                        new PushMessage(KIND, Map.of(), IotdaJson.write(event(task, status, now))));
            }
        });
    }

    private static Map<String, Object> event(BatchTask task, BatchStatus status, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", task.spec().appId());
        body.put("task_id", task.id());
        body.put("task_type", task.spec().type().wireName());
        body.put("status", status.wireName());
        body.put("status_desc", status.description());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", "batchtask");
        event.put("event", "update");
        event.put("event_time", IotdaTimes.compact(now));
        event.put("event_time_ms", IotdaTimes.withMillis(now));
        event.put("request_id", UUID.randomUUID().toString());
        event.put("notify_data", Map.of("body", body));
        return event;
    }
}
