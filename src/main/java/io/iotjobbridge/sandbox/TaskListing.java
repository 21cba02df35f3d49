package io.iotjobbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tasks ListTask pages over, in a stable order: one job's in device order, or one device's across the account's
 * jobs, oldest job first.
 *
 * @param scope names the query, so a NextToken issued for it cannot page another one
 */
record TaskListing(String scope, List<Row> rows) {

    /** A task with the job it belongs to, which each listed item names. */
    record Row(DeviceJob job, TaskState state) {
    }

    static TaskListing of(AuthenticatedCall call, DeviceJobRegistry registry, Instant now) {
        String account = call.accessKeyId() + "|" + call.instanceKey();
        String jobId = call.param("JobId");
        if (jobId != null) {
            DeviceJob job = registry.find(jobId, call.accessKeyId(), call.instanceKey());
            return new TaskListing(account + "|job|" + jobId,
                    job.tasksAt(now).stream().map(s -> new Row(job, s)).toList());
        }
        String device = call.param("Device");
        if (device == null) {
            throw IotPlatformError.invalidParameter("JobId or Device is mandatory.");
        }
        JsonNode filter = JsonParams.object(device, "Device");
        String iotId = JsonParams.text(filter, "IotId");
        String productKey = JsonParams.text(filter, "ProductKey");
        String deviceName = JsonParams.text(filter, "DeviceName");
        if (iotId == null && (productKey == null || deviceName == null)) {
            throw IotPlatformError.invalidParameter("Device needs an IotId, or a ProductKey and a DeviceName.");
        }
        List<Row> rows = new ArrayList<>();
        for (DeviceJob job : registry.jobsOf(call.accessKeyId(), call.instanceKey())) {
            for (TaskState state : job.tasksAt(now)) {
                DeviceRef d = state.task().device();
                boolean matches = iotId != null ? iotId.equals(d.iotId())
                        : productKey.equals(d.productKey()) && deviceName.equals(d.deviceName());
                if (matches) {
                    rows.add(new Row(job, state));
                }
            }
        }
        return new TaskListing(account + "|device|" + iotId + "|" + productKey + "|" + deviceName, rows);
    }
}
