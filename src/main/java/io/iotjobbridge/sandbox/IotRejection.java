package io.iotjobbridge.sandbox;

/** A business rule refused the call; it becomes a {@code Success=false} envelope, never a stack trace. */
final class IotRejection extends RuntimeException {

    private final IotFailure error;

    IotRejection(IotFailure error, String reason) {
        // no stack trace: this is an expected answer, thrown only to leave deep validation code early
        super(reason, null, false, false);
        this.error = error;
    }

    IotFailure error() {
        return error;
    }
}
