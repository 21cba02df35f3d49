package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/** Small JDBC idioms the ledger's stores share, written once so H2 and PostgreSQL behave the same. */
final class Sql {

    /** The SQLState both H2 and PostgreSQL report for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Makes sure a row keyed {@code key} exists in {@code table} (its other columns nullable), in a transaction of
     * its own: the row is only ever locked afterwards, and a concurrent insert of the same key is as good as ours.
     */
    static void insertIfAbsent(DataSource dataSource, String table, String keyColumn, String key)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into " + table + " (" + keyColumn + ") select ?"
                     + " where not exists (select 1 from " + table + " where " + keyColumn + " = ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, key);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
