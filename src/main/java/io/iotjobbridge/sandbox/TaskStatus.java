package io.iotjobbridge.sandbox;

/** A device job task's {@code Status}, as ListTask and QueryTask spell it. */
enum TaskStatus {
    QUEUED, SENT, IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, TIMED_OUT, CANCELLED;

    boolean isFinished() {
        return this != QUEUED && this != SENT && this != IN_PROGRESS;
    }
}
