package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;

import io.iotjobbridge.sandbox.huawei.BatchTimeline.BatchProgress;

/**
 * One device's part in a batch task at one moment: what ShowBatchTask lists and the export file tabulates.
 *
 * @param output    what the device reported on success, else null
 * @param errorCode why it failed, else null
 */
record DeviceDetail(String target, String status, String output, String errorCode, String errorMessage) {

    /**
     * Every device's detail at {@code at}, computed as each is read, so a task over thousands of devices can be
     * listed or exported without holding them all.
     */
    static List<DeviceDetail> of(BatchTask task, BatchTimeline timeline, Instant at) {
        BatchProgress progress = timeline.progressAt(task, at);
        return new AbstractList<>() {
            @Override
            public DeviceDetail get(int index) {
                String status = timeline.deviceStatusAt(task, index, progress);
                BatchTaskType type = task.spec().type();
                return switch (status) {
                    case "Success" -> new DeviceDetail(task.targets().get(index), status, type.successOutput(),
                            null, null);
                    case "Fail" -> new DeviceDetail(task.targets().get(index), status, null, type.errorCode(),
                            type.errorMessage());
                    default -> new DeviceDetail(task.targets().get(index), status, null, null, null);
                };
            }

            @Override
            public int size() {
                return task.size();
            }
        };
    }
}
