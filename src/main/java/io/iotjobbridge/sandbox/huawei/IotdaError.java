package io.iotjobbridge.sandbox.huawei;

/**
 * A refusal, either from the API gateway in front of IoTDA ({@code APIG.*}) or from IoTDA itself ({@code IOTDA.*}).
 * Both answer {@code {"error_code","error_msg"}}; the gateway also repeats the request id in the body.
 *
 * <p>Where the vendor's documents are silent, the sandbox had to choose, and says so here:
 * <ul>
 *   <li>APIG wording is the published one where a page shows it ("verify aksk signature fail", "Get secretKey
 *       failed,ak:…,err:ak not exist", "x-auth-token not found", the APIG.0308 text). No published text was found
 *       for a stale {@code X-Sdk-Date}, so the sandbox says "x-sdk-date expired" (the gateway may well report it as
 *       a signature failure). A derived signature scoped to another date, region or service is refused as a
 *       signature failure, since its key cannot match.</li>
 *   <li>{@code IOTDA.016001} (404, batch task does not exist), {@code IOTDA.016002} (404, export task or its file
 *       does not exist) and {@code IOTDA.016003} (400, too many unfinished export tasks) are the sandbox's own
 *       codes: no published code was found for these cases.</li>
 *   <li>The 30 s download limit answers HTTP 429 with {@code IOTDA.021101}, IoTDA's documented "maximum rate
 *       limit" code (documented with HTTP 403 for device-side APIs).</li>
 * </ul>
 */
record IotdaError(int httpStatus, String code, String message, boolean fromGateway) {

    private static final String IAM = "Incorrect IAM authentication information: ";

    static IotdaError apiNotFound() {
        return new IotdaError(404, "APIG.0101", "The API does not exist or has not been published in the environment.",
                true);
    }

    static IotdaError requestTooLarge() {
        return new IotdaError(413, "APIG.0201", "Request entity too large.", true);
    }

    static IotdaError authorizationMissing() {
        // with no AK/SK signature the gateway falls back to token authentication and finds no token either
        return new IotdaError(401, "APIG.0301", IAM + "x-auth-token not found", true);
    }

    static IotdaError signatureMismatch() {
        // the real gateway appends its canonical request; the sandbox echoes no signing material
        return new IotdaError(401, "APIG.0301", IAM + "verify aksk signature fail", true);
    }

    static IotdaError unknownAccessKey(String accessKeyId) {
        return new IotdaError(401, "APIG.0301",
                IAM + "Get secretKey failed,ak:" + masked(accessKeyId) + ",err:ak not exist", true);
    }

    static IotdaError dateExpired() {
        return new IotdaError(401, "APIG.0301", IAM + "x-sdk-date expired", true);
    }

    static IotdaError throttled(int limit) {
        return new IotdaError(429, "APIG.0308",
                "The throttling threshold has been reached: policy user over ratelimit,limit:" + limit
                        + ",time:1 second", true);
    }

    static IotdaError invalidInput(String why) {
        return new IotdaError(400, "IOTDA.000006", "Invalid input data. " + why, false);
    }

    static IotdaError malformedBody() {
        return new IotdaError(400, "IOTDA.000008",
                "Invalid input. The request format is invalid. The body is not a JSON object.", false);
    }

    static IotdaError batchTaskNotFound(String taskId) {
        return new IotdaError(404, "IOTDA.016001", "The batch task does not exist. task_id: " + taskId, false);
    }

    static IotdaError exportTaskNotFound(String exportTaskId) {
        return new IotdaError(404, "IOTDA.016002", "The export task does not exist. export_task_id: " + exportTaskId,
                false);
    }

    static IotdaError exportFileNotReady(String exportTaskId, String status) {
        return new IotdaError(404, "IOTDA.016002",
                "The export file does not exist. export_task_id: " + exportTaskId + ", status: " + status, false);
    }

    static IotdaError tooManyUnfinishedExports(int limit) {
        return new IotdaError(400, "IOTDA.016003",
                "The number of unfinished export tasks has reached the upper limit " + limit + ".", false);
    }

    static IotdaError downloadTooSoon(long waitSeconds) {
        return new IotdaError(429, "IOTDA.021101",
                "Request reached the maximum rate limit. Export files can be downloaded once per interval; retry in "
                        + waitSeconds + " s.", false);
    }

    static IotdaError internalError() {
        return new IotdaError(500, "IOTDA.000001", "Internal server error.", false);
    }

    /**
     * An injected 503. No published IoTDA answer for a briefly unavailable service was found; the sandbox answers
     * in the gateway's shape with IoTDA's internal-error code.
     */
    static IotdaError serviceUnavailable() {
        return new IotdaError(503, "IOTDA.000001", "Service unavailable. Try again later.", false);
    }

    IotdaRejection rejection() {
        return new IotdaRejection(this);
    }

    /** Enough of the AK to recognise it in a log, never all of it. */
    static String masked(String accessKeyId) {
        return (accessKeyId.length() > 8 ? accessKeyId.substring(0, 4) : "") + "******";
    }
}
