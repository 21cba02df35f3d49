package io.iotjobbridge.vendor.huawei;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.huawei.HuaweiOperations.IotdaApi;

/**
 * Sorts IoTDA's error answers into retry, wait-for-quota and fail, in one place. IoTDA reports every failure with an
 * HTTP status of 400 or more and a body {@code {"error_code","error_msg"}} (the SDK also accepts
 * {@code {"error":{"code","message"}}}); the request id comes in the {@code X-Request-Id} header.
 *
 * <table>
 *   <tr><th>answer</th><th>kind</th><th>what the bridge does</th></tr>
 *   <tr><td>{@code APIG.0308}, any HTTP 429 (gateway throttling)</td><td>retryable</td>
 *       <td>pauses the whole API for the account ({@link io.iotjobbridge.vendor.CallBudget}) and backs off,
 *       up to the engine's attempt limit</td></tr>
 *   <tr><td>HTTP 5xx, transport faults, a body that is not the documented JSON</td><td>retryable</td>
 *       <td>the same</td></tr>
 *   <tr><td>{@code IOTDA.016003} (5 unfinished exports)</td><td>quota</td>
 *       <td>waits the engine's quota wait (30 s by default) and creates the export again; never fails for it</td></tr>
 *   <tr><td>{@code IOTDA.021101} on the export file download (one per 30 s)</td><td>quota</td>
 *       <td>waits the account's download interval (30 s) from now, then downloads again</td></tr>
 *   <tr><td>{@code APIG.0301} or HTTP 401 (authentication)</td><td>permanent</td>
 *       <td>fails the job, and the account shows not ready (credentials refused)</td></tr>
 *   <tr><td>every other 4xx</td><td>permanent</td>
 *       <td>fails the job with the vendor's code, message and request id</td></tr>
 * </table>
 */
final class HuaweiErrors {

    static final String THROTTLED = "APIG.0308";
    static final String TOO_MANY_UNFINISHED_EXPORTS = "IOTDA.016003";
    static final String RATE_LIMITED = "IOTDA.021101";
    /** APIG could not authenticate the call: an unknown AK or a signature it cannot verify. */
    static final String AUTHENTICATION_FAILED = "APIG.0301";

    /** Vendor texts are not ours: cut them so a long one (APIG echoes its canonical request) cannot flood a log. */
    private static final int MAX_MESSAGE = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HuaweiErrors() {
    }

    /** Classifies an answer of HTTP 400 or more from {@code api}. */
    static VendorException fromReply(IotdaApi api, int httpStatus, byte[] body, String requestId,
                                     Duration downloadInterval, Clock clock) {
        JsonNode error = parse(body);
        String code = text(error.path("error_code"));
        String message = text(error.path("error_msg"));
        if (code == null) {
            code = text(error.path("error").path("code"));
            message = text(error.path("error").path("message"));
        }
        if (code == null) {
            String what = api.name() + " answered HTTP " + httpStatus + " without an IoTDA error body"
                    + suffix(requestId);
            return httpStatus == 429 || httpStatus >= 500
                    ? VendorException.retryable("HTTP" + httpStatus, what)
                    : VendorException.retryable("MalformedResponse", what);
        }
        return classify(api, httpStatus, code, message, requestId, downloadInterval, clock);
    }

    /** @param downloadInterval the account's time between two export downloads (IoTDA: 30 s) */
    static VendorException classify(IotdaApi api, int httpStatus, String code, String message, String requestId,
                                    Duration downloadInterval, Clock clock) {
        String said = Describe.text(message == null ? "" : message, MAX_MESSAGE) + " (HTTP " + httpStatus
                + (requestId == null || requestId.isBlank() ? "" : ", request id " + Describe.text(requestId)) + ")";
        if (isDownloadWindow(api, code)) {
            // "单用户下载导出文件最大速率为为30s一次": someone downloaded just now; the next is allowed an interval later
            return VendorException.quota(code, said, clock.instant().plus(downloadInterval));
        }
        if (TOO_MANY_UNFINISHED_EXPORTS.equals(code)) {
            // at most 5 unfinished exports per user: one of them will finish, so wait and create again
            return VendorException.quota(code, said, null);
        }
        if (isThrottling(api, httpStatus, code) || httpStatus >= 500) {
            return VendorException.retryable(code, said);
        }
        if (AUTHENTICATION_FAILED.equals(code) || httpStatus == 401) {
            return VendorException.credentialsRefused(code, said);
        }
        return VendorException.permanent(code, said);
    }

    /**
     * The gateway (or IoTDA) refused the call for its rate: the whole API is over its limit for the account. The
     * export file's own one-download-per-30-s limit is not: it is a window of its own, waited out as a quota.
     */
    static boolean isThrottling(IotdaApi api, int httpStatus, String code) {
        return !isDownloadWindow(api, code)
                && (THROTTLED.equals(code) || RATE_LIMITED.equals(code) || httpStatus == 429);
    }

    private static boolean isDownloadWindow(IotdaApi api, String code) {
        return RATE_LIMITED.equals(code) && api == HuaweiOperations.SHOW_EXPORT_TASK;
    }

    /** A transport fault: the call may or may not have reached IoTDA, so it is tried again. */
    static VendorException transport(IotdaApi api, String host, IOException e) {
        return VendorException.retryable("TransportError", e.getClass().getSimpleName() + " calling " + api.name()
                + " on " + host, e);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String suffix(String requestId) {
        return requestId == null || requestId.isBlank() ? "" : " (request id " + Describe.text(requestId) + ")";
    }
}
