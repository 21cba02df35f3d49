package io.iotjobbridge.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The ledger contract on PostgreSQL, the scale-out ledger. It needs a server, so it runs only when
 * {@code -Dbridge.test.postgres-url=jdbc:postgresql://host:port/db} is given ({@code .ci/run} gives the machine's
 * own); each test gets a schema of its own, dropped afterwards.
 */
class PostgresJobLedgerIT extends JobLedgerContract {

    private static final String URL = System.getProperty("bridge.test.postgres-url");
    private static final String USER = System.getProperty("bridge.test.postgres-user", "postgres");
    private static final String PASSWORD = System.getProperty("bridge.test.postgres-password", "");

    private String schema;
    private HikariDataSource dataSource;
    private JobLedger ledger;

    @BeforeEach
    void open() throws SQLException {
        assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL given (-Dbridge.test.postgres-url)");
        schema = "ledger_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema " + schema);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        dataSource = LedgerDataSource.open(url, USER, PASSWORD, 2);
        ledger = new JobLedger(dataSource, clock);
    }

    @AfterEach
    void drop() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
            execute("drop schema " + schema + " cascade");
        }
    }

    @Override
    JobLedger ledger() {
        return ledger;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
