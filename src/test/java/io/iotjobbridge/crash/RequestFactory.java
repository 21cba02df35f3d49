package io.iotjobbridge.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes request documents from the samples in {@code samples/requests/}, each with its own request id and whatever
 * else must differ between jobs that share one sandbox: the device job's name, the data download's instance and the
 * exported batch task.
 */
final class RequestFactory {

    /** The file the sample data download names its CSV ({@code FileConfig.fileName}), as the vendor serves it. */
    static final String CSV_NAME = "fileName01.csv";
    /** The sandbox seeds 120 batch tasks per scope, numbered in the last 16 hex digits of their id after this. */
    private static final String BATCH_TASK_PREFIX = "01fc671f";
    private static final int FIRST_BATCH_TASK = 0x40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private int made;

    /**
     * An Alibaba data download. Each gets an instance of its own: the vendor runs one download per instance at a
     * time and refuses a second create meanwhile, and a refused create would blur the count of creates per job.
     */
    DroppedRequest dataDownload(String label) {
        ObjectNode request = sample("aliyun-download-product-info.json");
        String id = nextId(label, "download");
        params(request).put("IotInstanceId", "iot-cn-" + id);
        return new DroppedRequest(DroppedRequest.Kind.DATA_DOWNLOAD, id, write(request.put("id", id)), null);
    }

    /** An Alibaba device job (CreateJob), under a job name no other job of the sandbox has. */
    DroppedRequest deviceJob(String label) {
        ObjectNode request = sample("aliyun-create-job.json");
        String id = nextId(label, "device-job");
        params(request).put("JobName", "crash_" + made);
        return new DroppedRequest(DroppedRequest.Kind.DEVICE_JOB, id, write(request.put("id", id)), null);
    }

    /**
     * A Huawei export of a batch task no other export of this class touches: IoTDA replaces an earlier export of
     * the same batch task, which would take another job's export away.
     */
    DroppedRequest export(String label) {
        ObjectNode request = sample("huawei-export-batch-task.json");
        String id = nextId(label, "export");
        String batchTask = BATCH_TASK_PREFIX + String.format("%016x", FIRST_BATCH_TASK + made);
        ((ObjectNode) params(request).path("resource_condition")).put("task_id", batchTask);
        return new DroppedRequest(DroppedRequest.Kind.EXPORT, id, write(request.put("id", id)), batchTask);
    }

    private String nextId(String label, String kind) {
        made++;
        return label + "-" + kind + "-" + made;
    }

    private static ObjectNode params(ObjectNode request) {
        return (ObjectNode) request.path("params");
    }

    private static ObjectNode sample(String name) {
        try {
            return (ObjectNode) JSON.readTree(Path.of("samples/requests", name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(ObjectNode request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
