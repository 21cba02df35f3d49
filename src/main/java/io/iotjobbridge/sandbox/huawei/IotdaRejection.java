package io.iotjobbridge.sandbox.huawei;

/** Thrown wherever a check fails; the handler turns it into the error reply. No stack trace: it is not a fault. */
final class IotdaRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IotdaError error;

    IotdaRejection(IotdaError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    IotdaError error() {
        return error;
    }
}
