package io.iotjobbridge.sandbox;

/** A device distribution job's {@code Status}, with the integers QueryDeviceDistributeJob documents. */
enum DistributeStatus {
    INITIALIZING(0),
    RUNNING(1),
    /** Done, which does not mean every device was distributed: QueryDeviceDistributeDetail tells. */
    FINISHED(2),
    ABORTED(3);

    private final int wireValue;

    DistributeStatus(int wireValue) {
        this.wireValue = wireValue;
    }

    int wireValue() {
        return wireValue;
    }

    /** Only over jobs have a result file. */
    boolean isOver() {
        return this == FINISHED || this == ABORTED;
    }
}
