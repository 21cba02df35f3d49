package io.iotjobbridge.sandbox;

/**
 * A device job task's {@code Status}, as ListTask and QueryTask spell it. The sandbox never rejects a task, but
 * REJECTED is counted (always 0) so QueryJobStatistics reports every documented state.
 */
enum TaskStatus {
    QUEUED, SENT, IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, TIMED_OUT, CANCELLED
}
