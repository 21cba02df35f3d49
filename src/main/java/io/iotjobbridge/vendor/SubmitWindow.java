package io.iotjobbridge.vendor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.iotjobbridge.request.spec.Describe;

/**
 * When a vendor job made by an interrupted submit can have been created, for the flows that look one up
 * ({@link JobFlow#findSubmitted}): not before the bridge was about to send the create call, give or take how far
 * the vendor's clock may be behind the bridge's. A job created earlier cannot be the one that call made.
 *
 * @param earliest the earliest vendor creation time that may still be the interrupted submit's
 */
public record SubmitWindow(Instant earliest) {

    /**
     * How far behind the bridge's clock the vendor's may be. {@code sentAfter} comes from the bridge's clock and a
     * job's creation time from the vendor's; both are NTP-synchronised in practice, so 5 minutes is generous, and it
     * keeps the window short, so an older job that merely looks alike is not taken for the lost one.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The window for a create call the bridge recorded as about to be sent at {@code sentAfter}. */
    public static SubmitWindow after(Instant sentAfter) {
        return new SubmitWindow(sentAfter.minus(CLOCK_SKEW));
    }

    /**
     * Whether a vendor job stamped {@code created} (ISO-8601 UTC as the vendors write it, e.g.
     * {@code 2025-03-03T04:00:00.000Z}) may be the interrupted submit's.
     *
     * @param field names the response field, for the error when it is not a time
     */
    public boolean admits(String created, String field) throws VendorException {
        try {
            return !Instant.parse(created).isBefore(earliest);
        } catch (DateTimeParseException e) {
            throw VendorException.retryable("MalformedResponse", field + " is not an ISO-8601 UTC time: "
                    + Describe.quote(created));
        }
    }
}
