package io.iotjobbridge.sandbox;

import java.time.Instant;

/**
 * A task as ListTask reports it at one instant.
 *
 * @param progress   0..100, what the device reported
 * @param modifiedAt when the task last changed status
 */
record TaskState(PlannedTask task, TaskStatus status, int progress, Instant queuedAt, Instant modifiedAt) {
}
