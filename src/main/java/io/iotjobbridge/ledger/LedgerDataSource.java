package io.iotjobbridge.ledger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens the ledger database and brings its schema up to date with the versioned migrations. */
public final class LedgerDataSource {

    private LedgerDataSource() {
    }

    public static HikariDataSource open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ledger");
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource);
        return dataSource;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /**
     * The embedded default: an H2 file database under the state folder. WRITE_DELAY=0 makes every commit reach the
     * file before it returns, so a killed process never loses a transition it already acted on.
     */
    public static String embeddedH2Url(java.nio.file.Path stateDir) {
        return "jdbc:h2:file:" + stateDir.toAbsolutePath().resolve("ledger") + ";WRITE_DELAY=0";
    }
}
