package io.iotjobbridge.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.iotjobbridge.ledger.LedgerException;

/**
 * Each schedule's last fire time (run or skipped), in the ledger database (table {@code schedule_state}), shared by
 * every node. It only ever moves forward: a node that is late cannot make fires due again that another node has
 * already dealt with.
 */
public final class ScheduleState {

    /** The SQLState both H2 and PostgreSQL report for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public ScheduleState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Instant> lastFire(String schedule) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select last_fire from schedule_state where name = ?")) {
            ps.setString(1, schedule);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read the state of schedule " + schedule, e);
        }
    }

    /**
     * Records a schedule's first start, unless another node already did.
     *
     * @return whether this call recorded it
     */
    public boolean begin(String schedule, Instant lastFire) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into schedule_state (name, last_fire) values (?, ?)")) {
            ps.setString(1, schedule);
            ps.setTimestamp(2, Timestamp.from(lastFire));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new LedgerException("could not record the first start of schedule " + schedule, e);
        }
    }

    /**
     * Moves the last fire forward to {@code fire}; compare-and-set, so it never moves back.
     *
     * @return false when the last fire was already at or after {@code fire}
     */
    public boolean advance(String schedule, Instant fire) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update schedule_state set last_fire = ?"
                     + " where name = ? and last_fire < ?")) {
            ps.setTimestamp(1, Timestamp.from(fire));
            ps.setString(2, schedule);
            ps.setTimestamp(3, Timestamp.from(fire));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerException("could not advance schedule " + schedule + " to " + fire, e);
        }
    }
}
