package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.time.Instant;

/**
 * One export of a batch task's details; immutable. It runs for {@code running}, then ends Success, or Failed when
 * the batch task is configured to fail ({@code huawei.failing-batch-tasks}). Its file shows the batch task as it stood
 * when the export ended.
 *
 * @param appType GLOBAL or APP, as given (GLOBAL by default)
 * @param appId   as given, or null
 */
record ExportTask(String id, BatchTask batchTask, String appType, String appId, Instant createdAt,
                  Duration running, boolean failing) {

    static final String PROCESSING = "Processing";
    static final String SUCCESS = "Success";
    static final String FAILED = "Failed";

    Instant endsAt() {
        return createdAt.plus(running);
    }

    boolean finishedAt(Instant now) {
        return !now.isBefore(endsAt());
    }

    String statusAt(Instant now) {
        if (!finishedAt(now)) {
            return PROCESSING;
        }
        return failing ? FAILED : SUCCESS;
    }

    /** 1 to 99 while Processing, rising evenly with time; 100 once finished ("100 means the task is complete"). */
    int progressAt(Instant now) {
        if (finishedAt(now)) {
            return 100;
        }
        long elapsed = Math.max(0, Duration.between(createdAt, now).toMillis());
        return (int) Math.max(1, Math.min(99, elapsed * 100 / Math.max(1, running.toMillis())));
    }

    /** Devices exported so far: in step with progress, all of them on Success, none for a Failed task (no file). */
    long exportCountAt(Instant now) {
        String status = statusAt(now);
        if (FAILED.equals(status)) {
            return 0;
        }
        return (long) batchTask.size() * progressAt(now) / 100;
    }
}
