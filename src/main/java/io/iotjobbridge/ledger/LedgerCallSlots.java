package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.iotjobbridge.vendor.CallSlots;

/**
 * {@link CallSlots} in the ledger: every node of a cluster takes turns from the same book, locked per key, so two
 * nodes sharing an account never use a once-per-interval resource too closely together.
 */
public final class LedgerCallSlots implements CallSlots {

    /** Reservations of holders that never came back (their job failed meanwhile) are dropped after this long. */
    private static final Duration FORGOTTEN = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Clock clock;

    public LedgerCallSlots(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Instant take(String key, String holder, Duration interval) {
        Instant now = clock.instant();
        try {
            Sql.insertIfAbsent(dataSource, "call_slot", "slot_key", key);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                Book book = lockBook(c, key, holder);
                Book after = book.ask(now, interval);
                write(c, key, holder, after, now);
                c.commit();
                return after.turn(now);
            }
        } catch (SQLException e) {
            throw new LedgerException("could not take a turn of " + key, e);
        }
    }

    private static Book lockBook(Connection c, String key, String holder) throws SQLException {
        Instant lastTurn;
        Instant lastUsed;
        try (PreparedStatement ps = c.prepareStatement(
                "select last_turn, last_used from call_slot where slot_key = ? for update")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastTurn = Sql.instant(rs.getTimestamp(1));
                lastUsed = Sql.instant(rs.getTimestamp(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select turn_at from call_slot_reservation where slot_key = ? and holder = ?")) {
            ps.setString(1, key);
            ps.setString(2, holder);
            try (ResultSet rs = ps.executeQuery()) {
                return new Book(lastTurn, lastUsed, rs.next() ? Sql.instant(rs.getTimestamp(1)) : null);
            }
        }
    }

    private static void write(Connection c, String key, String holder, Book after, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update call_slot set last_turn = ?, last_used = ? where slot_key = ?")) {
            ps.setTimestamp(1, Sql.timestamp(after.lastTurn()));
            ps.setTimestamp(2, Sql.timestamp(after.lastUsed()));
            ps.setString(3, key);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "delete from call_slot_reservation where slot_key = ? and (holder = ? or turn_at < ?)")) {
            ps.setString(1, key);
            ps.setString(2, holder);
            ps.setTimestamp(3, Timestamp.from(now.minus(FORGOTTEN)));
            ps.executeUpdate();
        }
        if (after.reserved() != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into call_slot_reservation (slot_key, holder, turn_at) values (?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, holder);
                ps.setTimestamp(3, Timestamp.from(after.reserved()));
                ps.executeUpdate();
            }
        }
    }
}
