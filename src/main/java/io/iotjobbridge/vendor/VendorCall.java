package io.iotjobbridge.vendor;

import java.time.Duration;
import java.time.Instant;

/**
 * One call that reached a vendor API, as the operations side sees it.
 *
 * @param jobId   the job whose step made the call, or null (see {@link CallAttribution})
 * @param code    the vendor's error code, or null when the call succeeded
 * @param message the vendor's error message, or null when the call succeeded
 */
public record VendorCall(Instant at, String jobId, Vendor vendor, String account, String action, Outcome outcome,
                         String code, String message, Duration took) {

    /** How a call ended, in the words operators use for vendor limits. */
    public enum Outcome {
        OK, THROTTLED, QUOTA,
        /** the vendor refused the account's credentials */
        DENIED,
        ERROR;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** What a refusal means; a call the bridge held back itself never reached the vendor and is not one. */
        static Outcome of(VendorException refusal) {
            if (refusal.kind() == VendorException.Kind.QUOTA) {
                return QUOTA;
            }
            if (refusal.isCredentialsRefused()) {
                return DENIED;
            }
            return refusal.isThrottled() ? THROTTLED : ERROR;
        }
    }
}
