package io.iotjobbridge.sandbox;

/** Data-download job states with the integer values CreateDownloadDataJob and GetDownloadFile put in {@code Status}. */
enum JobStatus {
    INITIALIZING(-1),
    RUNNING(0),
    SUCCEEDED(1),
    FAILED(2),
    QUEUED(3);

    private final int wireValue;

    JobStatus(int wireValue) {
        this.wireValue = wireValue;
    }

    int wireValue() {
        return wireValue;
    }

    /** Only these block a new job on the same instance. */
    boolean isInProgress() {
        return this == INITIALIZING || this == QUEUED || this == RUNNING;
    }
}
