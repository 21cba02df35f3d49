package io.iotjobbridge.push;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Vendor;

/**
 * Reads IoTDA's batch task status notification ({@code "resource":"batchtask","event":"update"}), whose
 * {@code notify_data.body} carries {@code task_id} and {@code status}. IoTDA documents no properties on these
 * messages, so the event's {@code request_id} identifies it. A finished task ({@code Success}, {@code PartialSuccess}:
 * the task ran, some devices may have failed) counts as succeeded; {@code Fail} and {@code Stopped} as failed; the
 * rest as running. IoTDA sends no event for export tasks.
 */
final class HuaweiPushMapping implements PushMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PushedStatus read(String account, Map<String, Object> headers, byte[] body) throws UnreadablePush {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnreadablePush("body is not JSON");
        }
        if (event == null || !"batchtask".equals(event.path("resource").asText())
                || !"update".equals(event.path("event").asText())) {
            throw new UnreadablePush("not a batchtask update event");
        }
        String requestId = event.path("request_id").asText("");
        JsonNode task = event.path("notify_data").path("body");
        String taskId = task.path("task_id").asText("");
        if (requestId.isBlank() || taskId.isBlank()) {
            throw new UnreadablePush("no request_id or notify_data.body.task_id");
        }
        return new PushedStatus(Vendor.HUAWEI, account, taskId, status(task.path("status").asText("")), requestId);
    }

    private static JobStatus status(String status) throws UnreadablePush {
        return switch (status) {
            case "Initializing", "Waitting", "Processing", "Stopping" -> new JobStatus.Running(status, null);
            case "Success", "PartialSuccess" -> new JobStatus.Succeeded(status);
            case "Fail" -> new JobStatus.Failed(status, "the batch task failed on every device (Fail)");
            case "Stopped" -> new JobStatus.Failed(status, "the batch task was stopped (Stopped)");
            // the poll is still there to read an undocumented status; a push must not guess
            default -> throw new UnreadablePush("undocumented batch task status");
        };
    }
}
