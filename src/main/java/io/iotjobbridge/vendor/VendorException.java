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
    private final boolean throttled;
    private final boolean credentialsRefused;

    private VendorException(Kind kind, String code, String vendorMessage, Instant notBefore, Throwable cause) {
        this(kind, code, vendorMessage, notBefore, cause, false, false, false);
    }

    private VendorException(Kind kind, String code, String vendorMessage, Instant notBefore, Throwable cause,
                            boolean heldBack, boolean throttled, boolean credentialsRefused) {
        super(code + ": " + vendorMessage, cause);
        this.kind = kind;
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.notBefore = notBefore;
        this.heldBack = heldBack;
        this.throttled = throttled;
        this.credentialsRefused = credentialsRefused;
    }

    /**
     * The bridge held the call back itself (its call budget, an API paused after throttling): nothing reached the
     * vendor, so it is retried at {@code notBefore} without counting as a failed attempt.
     */
    public static VendorException heldBack(String code, String message, Instant notBefore) {
        return new VendorException(Kind.RETRYABLE, code, message, notBefore, null, true, false, false);
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
     * The vendor throttled the API and the bridge paused it until {@code notBefore}: transient, and known not to
     * clear sooner, so a retry before then would only be refused again.
     */
    public static VendorException throttled(String code, String message, Instant notBefore) {
        return new VendorException(Kind.RETRYABLE, code, message, notBefore, null, false, true, false);
    }

    /** The vendor refused the call for its rate (see {@link #throttled}). */
    public boolean isThrottled() {
        return throttled;
    }

    public static VendorException quota(String code, String message, Instant notBefore) {
        return new VendorException(Kind.QUOTA, code, message, notBefore, null);
    }

    public static VendorException permanent(String code, String message) {
        return new VendorException(Kind.PERMANENT, code, message, null, null);
    }

    /**
     * The vendor refused the account's credentials (unknown key, wrong signature): permanent, and a sign that the
     * account, not just this job, is broken, so the bridge reports itself not ready for that account.
     */
    public static VendorException credentialsRefused(String code, String message) {
        return new VendorException(Kind.PERMANENT, code, message, null, null, false, false, true);
    }

    public boolean isCredentialsRefused() {
        return credentialsRefused;
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
