package io.iotjobbridge.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The device-job actions, hand-signed with {@link RpcTestClient}, with the parameters a valid job needs. */
final class DeviceJobCalls {

    private final RpcTestClient client;

    DeviceJobCalls(RpcTestClient client) {
        this.client = client;
    }

    /** A SET_PROPERTY job for every device of the product: a fleet of the configured size. */
    static Map<String, String> productJob(String productKey) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("JobName", "set_light");
        params.put("JobDocument", "{\"params\":{\"LightSwitch\":1}}");
        params.put("TargetConfig", "{\"targetType\":\"PRODUCT_KEY\",\"targetProduct\":\"" + productKey + "\"}");
        params.put("Type", "SET_PROPERTY");
        return params;
    }

    /** A SET_PROPERTY job for the listed devices of one product. */
    static Map<String, String> deviceListJob(String productKey, String... deviceNames) {
        StringBuilder devices = new StringBuilder();
        for (String name : deviceNames) {
            devices.append(devices.length() == 0 ? "" : ",")
                    .append("{\"ProductKey\":\"").append(productKey).append("\",\"DeviceName\":\"").append(name)
                    .append("\"}");
        }
        Map<String, String> params = productJob(productKey);
        params.put("TargetConfig", "{\"targetType\":\"DEVICE_LIST\",\"targetDevices\":[" + devices + "]}");
        return params;
    }

    RpcTestClient.Answer create(Map<String, String> params) {
        return client.call("CreateJob", params);
    }

    String createdJobId(Map<String, String> params) {
        return SandboxAssertions.assertOk(create(params)).path("JobId").asText();
    }

    RpcTestClient.Answer query(String jobId) {
        return client.call("QueryJob", Map.of("JobId", jobId));
    }

    String status(String jobId) {
        return SandboxAssertions.assertOk(query(jobId)).path("Data").path("Status").asText();
    }

    JsonNode statistics(String jobId) {
        return SandboxAssertions.assertOk(client.call("QueryJobStatistics", Map.of("JobId", jobId))).path("Data");
    }

    RpcTestClient.Answer listTask(Map<String, String> params) {
        return client.call("ListTask", params);
    }

    /** Every page of ListTask for these filters, 50 at a time, as one list. */
    List<JsonNode> allTasks(Map<String, String> filters) {
        List<JsonNode> tasks = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> params = new LinkedHashMap<>(filters);
            params.put("Limit", "50");
            if (token != null) {
                params.put("NextToken", token);
            }
            JsonNode page = SandboxAssertions.assertOk(listTask(params));
            page.path("Data").path("data").forEach(tasks::add);
            token = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
        } while (token != null);
        return tasks;
    }

    List<JsonNode> allTasks(String jobId) {
        return allTasks(Map.of("JobId", jobId));
    }

    RpcTestClient.Answer listJob(Map<String, String> params) {
        return client.call("ListJob", params);
    }

    RpcTestClient.Answer cancel(String jobId) {
        return client.call("CancelJob", Map.of("JobId", jobId));
    }
}
