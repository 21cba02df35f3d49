package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.time.Instant;

/**
 * How a batch task unfolds over {@code running}: the first tenth Initializing, the second Waitting, the rest
 * Processing devices in order at an even pace, a tenth of them (at least one) in flight at a time. Once the time is up
 * the task ends Success, Fail (every device failed) or PartialSuccess. A pure function of the clock: nothing runs in
 * the background.
 */
record BatchTimeline(Duration running) {

    /** What the task reports at {@code now}. */
    BatchProgress progressAt(BatchTask task, Instant now) {
        int total = task.size();
        long runningMs = running.toMillis();
        long elapsedMs = Math.max(0, Duration.between(task.createdAt(), now).toMillis());
        if (elapsedMs >= runningMs) {
            int fail = task.failuresAmongFirst(total);
            BatchStatus status = fail == 0 ? BatchStatus.SUCCESS
                    : fail == total ? BatchStatus.FAIL : BatchStatus.PARTIAL_SUCCESS;
            return new BatchProgress(status, total, 0, total - fail, fail, 0);
        }
        long startsProcessing = runningMs / 5;
        if (elapsedMs < startsProcessing) {
            BatchStatus status = elapsedMs < runningMs / 10 ? BatchStatus.INITIALIZING : BatchStatus.WAITTING;
            return new BatchProgress(status, total, 0, 0, 0, total);
        }
        int done = (int) ((elapsedMs - startsProcessing) * total / (runningMs - startsProcessing));
        int processing = Math.min(total - done, Math.max(1, total / 10));
        int fail = task.failuresAmongFirst(done);
        return new BatchProgress(BatchStatus.PROCESSING, total, processing, done - fail, fail,
                total - done - processing);
    }

    /** The detail status of one device at {@code now}: Success, Fail, Processing or Waitting. */
    String deviceStatusAt(BatchTask task, int deviceIndex, BatchProgress progress) {
        int done = progress.success() + progress.fail();
        if (deviceIndex < done) {
            return task.fails(deviceIndex) ? "Fail" : "Success";
        }
        return deviceIndex < done + progress.processing() ? "Processing" : "Waitting";
    }

    /**
     * The task's {@code task_progress} and status at one moment.
     *
     * @param success devices finished successfully (they are always the first ones, in target order)
     */
    record BatchProgress(BatchStatus status, int total, int processing, int success, int fail, int waitting) {
    }
}
