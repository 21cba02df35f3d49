package io.iotjobbridge.sandbox;

import java.util.List;

/**
 * A device job's {@code Status} in QueryJob and ListJob. ListJob's page lists every value a job can have
 * ({@link #DOCUMENTED}); the sandbox plays the five a job it creates goes through: {@code WAITING} until its
 * ScheduledTime, {@code IN_PROGRESS}, {@code COMPLETED}, and {@code CANCELLING}/{@code CANCELLED} after CancelJob.
 */
enum DeviceJobStatus {
    WAITING, IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED;

    /** Every job state ListJob's {@code Status} filter accepts, as its page lists them. */
    static final List<String> DOCUMENTED = List.of("INITIALIZING", "WAITING", "IN_PROGRESS", "COMPLETED",
            "CANCELLING", "CANCELLED", "REMOVING", "TIMED_OUT");

    /** Only a job still to finish can be cancelled; a second CancelJob while CANCELLING fails too. */
    boolean isCancellable() {
        return this == WAITING || this == IN_PROGRESS;
    }
}
