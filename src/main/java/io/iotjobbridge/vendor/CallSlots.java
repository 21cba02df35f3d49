package io.iotjobbridge.vendor;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns for a vendor resource that allows one use per interval (IoTDA: one export file download per 30 s per
 * user). Waiting callers get consecutive turns, first come first served, so the resource is used back to back
 * instead of by whoever retries at the right moment; a caller that comes back at its turn finds it kept for it.
 */
public interface CallSlots {

    /**
     * Takes the resource now, or reserves the next free turn for {@code holder}.
     *
     * @return the holder's turn: not after now means the resource is taken now and the caller goes ahead; a later
     *         time means come back then
     */
    Instant take(String key, String holder, Duration interval);

    /**
     * One key's book, and the rule both stores (in memory, in the ledger) apply to it.
     *
     * @param lastTurn the latest turn handed out; null before the first
     * @param lastUsed when the resource was last taken; null before the first
     * @param reserved the turn reserved for the asking holder; null when it has none
     */
    record Book(Instant lastTurn, Instant lastUsed, Instant reserved) {

        /**
         * The book after {@code holder} asks at {@code now}. A turn is never closer than {@code interval} to the
         * last actual use, so a holder that comes back late pushes the next turns back rather than crowding them.
         */
        public Book ask(Instant now, Duration interval) {
            Instant earliestUse = lastUsed == null ? now : later(now, lastUsed.plus(interval));
            if (reserved != null) {
                Instant turn = later(reserved, earliestUse);
                return turn.isAfter(now) ? new Book(later(lastTurn, turn), lastUsed, turn)
                        : new Book(lastTurn, now, null);
            }
            Instant turn = later(earliestUse, lastTurn == null ? now : lastTurn.plus(interval));
            return turn.isAfter(now) ? new Book(turn, lastUsed, turn) : new Book(turn, now, null);
        }

        /** After {@link #ask}: the holder's turn, or {@code now} when it took the resource. */
        public Instant turn(Instant now) {
            return reserved == null ? now : reserved;
        }

        private static Instant later(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }
}
