package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One device job as the sandbox remembers it. Its status and its tasks' are not stored but derived from the clock,
 * so a test moves the job on by moving its clock: waiting for ScheduledTime, then running for
 * {@link DeviceJobSettings#jobRunningFor()}, then COMPLETED; or, once cancelled, CANCELLING for
 * {@link #CANCELLING_FOR} and then CANCELLED.
 *
 * @param draft       what CreateJob asked for, including the account and instance it belongs to
 * @param cancelledAt when CancelJob was accepted, or null
 */
record DeviceJob(String jobId, DeviceJobDraft draft, Instant createdAt, Duration runningFor, List<PlannedTask> tasks,
                 Instant cancelledAt) {

    /** How long the platform takes to call back unfinished tasks; the vendor says only that it is not instant. */
    static final Duration CANCELLING_FOR = Duration.ofSeconds(1);

    DeviceJob {
        tasks = List.copyOf(tasks);
    }

    Instant startsAt() {
        return draft.scheduledTime() != null ? draft.scheduledTime() : createdAt;
    }

    DeviceJobStatus statusAt(Instant now) {
        if (isCancelledBy(now)) {
            return now.isBefore(cancelledAt.plus(CANCELLING_FOR))
                    ? DeviceJobStatus.CANCELLING : DeviceJobStatus.CANCELLED;
        }
        if (now.isBefore(startsAt())) {
            return DeviceJobStatus.WAITING;
        }
        return now.isBefore(completesAt()) ? DeviceJobStatus.IN_PROGRESS : DeviceJobStatus.COMPLETED;
    }

    /** When the status last changed, as of {@code now}. */
    Instant modifiedAt(Instant now) {
        return switch (statusAt(now)) {
            case WAITING -> createdAt;
            case IN_PROGRESS -> startsAt();
            case COMPLETED -> completesAt();
            case CANCELLING -> cancelledAt;
            case CANCELLED -> cancelledAt.plus(CANCELLING_FOR);
        };
    }

    List<TaskState> tasksAt(Instant now) {
        Instant cancelled = isCancelledBy(now) ? cancelledAt : null;
        return tasks.stream().map(t -> t.stateAt(createdAt, startsAt(), cancelled, now)).toList();
    }

    DeviceJob cancelled(Instant at) {
        return new DeviceJob(jobId, draft, createdAt, runningFor, tasks, at);
    }

    boolean isOwnedBy(String accountAccessKeyId, String instance) {
        return draft.accessKeyId().equals(accountAccessKeyId) && draft.instanceKey().equals(instance);
    }

    private Instant completesAt() {
        return startsAt().plus(runningFor);
    }

    private boolean isCancelledBy(Instant now) {
        // a test clock wound back to before the cancel sees the job as it was then
        return cancelledAt != null && !now.isBefore(cancelledAt);
    }
}
