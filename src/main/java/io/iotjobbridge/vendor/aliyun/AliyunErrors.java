package io.iotjobbridge.vendor.aliyun;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.iotjobbridge.vendor.VendorException;

/**
 * Sorts Alibaba's error answers into retry, wait-for-quota and fail, in one place. Alibaba reports business failures
 * inside HTTP 200 bodies as well as with 4xx, so the code decides, not the status alone.
 */
final class AliyunErrors {

    private AliyunErrors() {
    }

    static VendorException classify(int httpStatus, String code, String message, Clock clock) {
        String safeCode = code == null || code.isBlank() ? "HTTP" + httpStatus : code;
        String safeMessage = message == null ? "" : message;
        return switch (safeCode) {
            // one download job per instance at a time: the running one will finish, so wait and try again
            case "iot.dap.insight.processDownloadJobMoreConcurrenceCount" ->
                    VendorException.quota(safeCode, safeMessage, null);
            // 3 download jobs, and 3 fetches of a job's file, per day: wait for the vendor's next day
            case "iot.dap.insight.downloadTaskNumUpperLimit", "iot.dap.insight.downloadTimesUpperLimit" ->
                    VendorException.quota(safeCode, safeMessage, nextVendorDay(clock));
            // the gateway's answers to a key it does not know or a signature it cannot verify
            case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "InvalidAccessKeyId",
                 "SignatureDoesNotMatch", "IncompleteSignature" ->
                    VendorException.credentialsRefused(safeCode, safeMessage);
            case "iot.system.SystemException", "iot.dap.insight.serverError", "ServiceUnavailable",
                 "InternalError" -> VendorException.retryable(safeCode, safeMessage);
            default -> {
                if (isThrottling(httpStatus, code) || httpStatus >= 500) {
                    yield VendorException.retryable(safeCode, safeMessage);
                }
                yield VendorException.permanent(safeCode, safeMessage);
            }
        };
    }

    /**
     * The gateway refused the call for its rate ({@code Throttling}, {@code Throttling.User}, {@code Throttling.Api}
     * and the like; usually HTTP 400, from some products 429): the whole API is over its limit for the account.
     */
    static boolean isThrottling(int httpStatus, String code) {
        return httpStatus == 429 || code != null && code.startsWith("Throttling");
    }

    static Instant nextVendorDay(Clock clock) {
        return LocalDate.now(clock.withZone(AliyunOperations.VENDOR_DAY_ZONE)).plusDays(1)
                .atStartOfDay(AliyunOperations.VENDOR_DAY_ZONE).toInstant();
    }
}
