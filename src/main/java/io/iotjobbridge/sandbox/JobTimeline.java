package io.iotjobbridge.sandbox;

import java.time.Duration;

/** How long each in-progress state lasts: -1 first, then 3, then 0, then the job is over. */
record JobTimeline(Duration initializing, Duration queued, Duration running) {

    static JobTimeline of(SandboxSettings settings) {
        return new JobTimeline(settings.initializingFor(), settings.queuedFor(), settings.runningFor());
    }

    JobStatus statusAfter(Duration elapsed, boolean failing) {
        Duration boundary = initializing;
        if (elapsed.compareTo(boundary) < 0) {
            return JobStatus.INITIALIZING;
        }
        boundary = boundary.plus(queued);
        if (elapsed.compareTo(boundary) < 0) {
            return JobStatus.QUEUED;
        }
        boundary = boundary.plus(running);
        if (elapsed.compareTo(boundary) < 0) {
            return JobStatus.RUNNING;
        }
        return failing ? JobStatus.FAILED : JobStatus.SUCCEEDED;
    }

    Duration total() {
        return initializing.plus(queued).plus(running);
    }
}
