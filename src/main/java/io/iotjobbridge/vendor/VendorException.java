package io.iotjobbridge.vendor;

import java.time.Instant;
import java.util.Optional;

/**
 * A vendor call that did not succeed, classified once at the adapter edge so the engine never inspects vendor codes:
 * retry it, wait for a quota to free up, or fail the job with the vendor's own code and message.
 */
public final class VendorException extends Exception {

    public enum Kind {
        /** transient: throttling, 5xx, transport faults, the vendor's "try again later" codes */
        RETRYABLE,
        /** a vendor quota is used up; the job waits until {@link #notBefore()} instead of failing */
        QUOTA,
        /** retrying cannot help: authentication, permissions, invalid parameters */
        PERMANENT
    }

    private final Kind kind;
    private final String code;
    private final String vendorMessage;
    private final Instant notBefore;
    private final boolean heldBack;

    private VendorException(Kind kind, String code, String vendorMessage, Instant notBefore, Throwable cause) {
        this(kind, code, vendorMessage, notBefore, cause, false);
    }

    private VendorException(Kind kind, String code, String vendorMessage, Instant notBefore, Throwable cause,
                            boolean heldBack) {
        super(code + ": " + vendorMessage, cause);
        this.kind = kind;
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.notBefore = notBefore;
        this.heldBack = heldBack;
    }

    /**
     * The bridge held the call back itself (its call budget, an API paused after throttling): nothing reached the
     * vendor, so it is retried at {@code notBefore} without counting as a failed attempt.
     */
    public static VendorException heldBack(String code, String message, Instant notBefore) {
        return new VendorException(Kind.RETRYABLE, code, message, notBefore, null, true);
    }

    public boolean isHeldBack() {
        return heldBack;
    }

    public static VendorException retryable(String code, String message) {
        return new VendorException(Kind.RETRYABLE, code, message, null, null);
    }

    public static VendorException retryable(String code, String message, Throwable cause) {
        return new VendorException(Kind.RETRYABLE, code, message, null, cause);
    }

    /**
     * Transient, and known not to clear before {@code notBefore}: a retry sooner would only be refused again (the
     * vendor throttled the API and the bridge paused it until then).
     */
    public static VendorException retryableAfter(String code, String message, Instant notBefore) {
        return new VendorException(Kind.RETRYABLE, code, message, notBefore, null);
    }

    public static VendorException quota(String code, String message, Instant notBefore) {
        return new VendorException(Kind.QUOTA, code, message, notBefore, null);
    }

    public static VendorException permanent(String code, String message) {
        return new VendorException(Kind.PERMANENT, code, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String vendorMessage() {
        return vendorMessage;
    }

    /**
     * The earliest time trying again can help, when it is known: for {@link Kind#QUOTA} when the quota can have room
     * again by the vendor's rules, for {@link Kind#RETRYABLE} when a paused API takes calls again.
     */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }
}
