package io.iotjobbridge.ledger;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool which failures mean the connection itself is gone. The pool recognises the standard
 * "connection exception" class (SQLState 08…) that PostgreSQL reports, but H2 in server mode reports a lost server
 * with codes of its own; without this, a pool kept busy by the engine would hand out the dead connections for ever
 * (each is used again before the pool's idle check would test it) and the bridge would not recover when the
 * database comes back.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    /** H2: connection broken (90067), database closed (90121), and the client's IO failure (90028). */
    private static final Set<String> H2_CONNECTION_LOST = Set.of("90067", "90121", "90028");

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return H2_CONNECTION_LOST.contains(failure.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
