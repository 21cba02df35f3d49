package io.iotjobbridge.sandbox;

/**
 * Refusals of the device-job and device-distribution APIs. Their pages list no codes of their own, only the
 * platform's general error list ({@code iot.system.*}, {@code iot.common.*}), so which general code answers which
 * refusal is the sandbox's choice, made once here. They answer HTTP 200 with {@code Success=false}: the vendor notes
 * that business failures arrive inside a 200 (only the data-download page lists HTTP 400 for its codes).
 */
record IotPlatformError(String code, String message) implements IotFailure {

    /** A parameter breaks a documented format or range rule. */
    static IotRejection invalidParameter(String message) {
        return reject("iot.common.InvalidFormattedParameter", message);
    }

    /** A page size, page number or page token that cannot be served. */
    static IotRejection invalidPage(String message) {
        return reject("iot.common.InvalidPageParams", message);
    }

    /**
     * A well-formed request the platform cannot carry out: an unknown JobId, or a job in the wrong state. The general
     * list describes this code as "the request parameter is invalid"; no job-specific code is documented.
     */
    static IotRejection illegalRequest(String message) {
        return reject("iot.system.IllegalRequest", message);
    }

    /** The general list's code for a distribution whose source and destination instance are the same. */
    static IotRejection sameInstance() {
        return reject("iot.system.InstanceIdSame",
                "The ID of the source instance is the same as that of the destination instance.");
    }

    @Override
    public int httpStatus() {
        return 200;
    }

    private static IotRejection reject(String code, String message) {
        return new IotRejection(new IotPlatformError(code, message), message);
    }
}
