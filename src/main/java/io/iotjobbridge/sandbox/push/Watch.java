package io.iotjobbridge.sandbox.push;

import java.time.Instant;

/**
 * A simulated job whose status is a function of the clock, as every sandbox job's is, seen from the push side: what
 * it reports now, whether that is final, and the message that announces it.
 *
 * @param <S> the job's status type; two statuses are the same announcement when they are equal
 */
public interface Watch<S> {

    S statusAt(Instant now);

    boolean isFinal(S status);

    /** The message telling subscribers that the job's status became {@code status} (it did so by {@code now}). */
    Announcement announce(S status, Instant now);

    /** A message and whom it is for. */
    record Announcement(PushAddress to, String queue, PushMessage message) {
    }
}
