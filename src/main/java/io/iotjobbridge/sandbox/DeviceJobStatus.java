package io.iotjobbridge.sandbox;

/**
 * A device job's {@code Status} in QueryJob. The vendor documents only {@code CANCELLING} (CancelJob) and
 * {@code CANCELLED} (QueryJob's sample); {@code SCHEDULED_WAITING}, {@code IN_PROGRESS} and {@code COMPLETED} are
 * assumptions, named like the task states and the OTA job states of the same platform.
 */
enum DeviceJobStatus {
    SCHEDULED_WAITING, IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED;

    /** Only a job still to finish can be cancelled; a second CancelJob while CANCELLING fails too. */
    boolean isCancellable() {
        return this == SCHEDULED_WAITING || this == IN_PROGRESS;
    }
}
