package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One device's part in a device job, fixed when the job is created: when its task moves on and how it ends. Both
 * follow from hashes of the device name, so every query at the same instant tells the same story, and a device that
 * fails in one job fails in the next (a flaky device stays flaky).
 *
 * @param sentAfter       from the job's start until the task is SENT; tasks go out in order over the first half of
 *                        the run, as a rollout rate would send them
 * @param inProgressAfter until the device reports IN_PROGRESS
 * @param finishedAfter   until it reaches {@code outcome}; always within the run
 */
record PlannedTask(String taskId, DeviceRef device, Duration sentAfter, Duration inProgressAfter,
                   Duration finishedAfter, TaskStatus outcome) {

    /** About 5% of devices fail their task, and about 1% never answer and time out. */
    static final double FAILING_SHARE = 0.05;
    static final double TIMING_OUT_SHARE = 0.01;

    static PlannedTask plan(String jobId, int index, int total, DeviceRef device, Duration running) {
        long runMs = running.toMillis();
        long sentMs = runMs * (index + 1) / (2L * total);
        // each device then takes up to the second half of the run to do its work
        long workMs = (long) (runMs / 2 * VendorIds.fraction("pace/" + device.deviceName()));
        TaskStatus outcome = outcomeOf(device);
        // a task that times out is one the device never finished: it ends when the run does
        long finishedMs = outcome == TaskStatus.TIMED_OUT ? runMs : sentMs + workMs;
        return new PlannedTask(VendorIds.derived("task/" + jobId + "/" + index, 20) + "010001", device,
                Duration.ofMillis(sentMs), Duration.ofMillis(sentMs + workMs / 4), Duration.ofMillis(finishedMs),
                outcome);
    }

    /**
     * @param queuedAt    when the job was created, which is when its tasks were queued
     * @param startsAt    when the job starts (later than {@code queuedAt} for a scheduled job)
     * @param cancelledAt when CancelJob was accepted, or null
     */
    TaskState stateAt(Instant queuedAt, Instant startsAt, Instant cancelledAt, Instant now) {
        boolean cancelled = cancelledAt != null && !now.isBefore(cancelledAt);
        Instant seenAt = cancelled ? cancelledAt : now;
        Instant sentAt = startsAt.plus(sentAfter);
        Instant inProgressAt = startsAt.plus(inProgressAfter);
        Instant finishedAt = startsAt.plus(finishedAfter);
        if (!seenAt.isBefore(finishedAt)) {
            return new TaskState(this, outcome, outcome == TaskStatus.SUCCEEDED ? 100 : 0, queuedAt, finishedAt);
        }
        // not finished when the job was cancelled: the task ends there, keeping the progress it had made
        int progress = seenAt.isBefore(inProgressAt) ? 0 : progressAt(seenAt, inProgressAt, finishedAt);
        if (cancelled) {
            return new TaskState(this, TaskStatus.CANCELLED, progress, queuedAt, cancelledAt);
        }
        if (now.isBefore(sentAt)) {
            return new TaskState(this, TaskStatus.QUEUED, 0, queuedAt, queuedAt);
        }
        if (now.isBefore(inProgressAt)) {
            return new TaskState(this, TaskStatus.SENT, 0, queuedAt, sentAt);
        }
        return new TaskState(this, TaskStatus.IN_PROGRESS, progress, queuedAt, inProgressAt);
    }

    private static int progressAt(Instant at, Instant inProgressAt, Instant finishedAt) {
        long span = Duration.between(inProgressAt, finishedAt).toMillis();
        long done = Duration.between(inProgressAt, at).toMillis();
        // 100 is for a task that succeeded; until then a device reports at most 99
        return span <= 0 ? 0 : (int) Math.min(99, done * 100 / span);
    }

    private static TaskStatus outcomeOf(DeviceRef device) {
        double fate = VendorIds.fraction("fate/" + device.deviceName());
        if (fate < FAILING_SHARE) {
            return TaskStatus.FAILED;
        }
        return fate < FAILING_SHARE + TIMING_OUT_SHARE ? TaskStatus.TIMED_OUT : TaskStatus.SUCCEEDED;
    }
}
