package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link CallSlots} kept in one process (tests, tools without a ledger); the bridge keeps them in the ledger. */
public final class LocalCallSlots implements CallSlots {

    private final Clock clock;
    private final Map<String, Book> books = new HashMap<>();
    private final Map<String, Instant> reservations = new HashMap<>();

    public LocalCallSlots(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Instant take(String key, String holder, Duration interval) {
        Instant now = clock.instant();
        Book book = books.getOrDefault(key, new Book(null, null, null));
        String reservation = key + "\n" + holder;
        Book after = new Book(book.lastTurn(), book.lastUsed(), reservations.get(reservation)).ask(now, interval);
        books.put(key, after);
        if (after.reserved() == null) {
            reservations.remove(reservation);
        } else {
            reservations.put(reservation, after.reserved());
        }
        return after.turn(now);
    }
}
