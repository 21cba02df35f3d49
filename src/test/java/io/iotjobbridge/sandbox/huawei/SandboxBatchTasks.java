package io.iotjobbridge.sandbox.huawei;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.SandboxLink;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;

/** Creates sandbox batch tasks for tests in other packages, signed with the sandbox's default credentials. */
public final class SandboxBatchTasks {

    private SandboxBatchTasks() {
    }

    /** A createCommands task on two devices, in the sandbox's default project; returns its task_id. */
    public static String createBatchTask(VendorSandbox sandbox, Clock clock) {
        IotdaTestClient client = new IotdaTestClient(sandbox.baseUrl(), SandboxSettings.DEFAULT_ACCESS_KEY_ID,
                Secret.of(SandboxSettings.DEFAULT_ACCESS_KEY_SECRET), SandboxLink.SANDBOX_PROJECT_ID, clock);
        IotdaTestClient.Answer created = client.post("batchtasks", Map.of("task_name", "push-test",
                "task_type", "createCommands", "targets", List.of("dev-1", "dev-2"),
                "document", Map.of("service_id", "Light", "command_name", "switch", "paras", Map.of("value", "ON"))));
        String taskId = created.json().path("task_id").asText();
        if (taskId.isEmpty()) {
            throw new IllegalStateException("the sandbox created no batch task: " + created.status());
        }
        return taskId;
    }
}
