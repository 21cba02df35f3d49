package io.iotjobbridge.sandbox;

/** The gateway refused a request; carries the answer to send. */
final class GatewayRejection extends RuntimeException {

    private final GatewayError error;

    GatewayRejection(GatewayError error) {
        // an expected answer, not a fault: no stack trace to fill
        super(error.code(), null, false, false);
        this.error = error;
    }

    GatewayError error() {
        return error;
    }
}
