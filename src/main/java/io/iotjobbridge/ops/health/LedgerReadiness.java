package io.iotjobbridge.ops.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/** The ledger database answers: without it no request can be accepted and no job can move. */
final class LedgerReadiness extends ReadinessCheck {

    private final DataSource dataSource;

    LedgerReadiness(DataSource dataSource) {
        super("ledger");
        this.dataSource = dataSource;
    }

    @Override
    Optional<String> problem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) PROBE_TIMEOUT.toSeconds()) ? Optional.empty()
                    : Optional.of("the ledger database does not answer");
        } catch (SQLException e) {
            return Optional.of("no connection to the ledger database (SQLState " + e.getSQLState() + ")");
        }
    }
}
