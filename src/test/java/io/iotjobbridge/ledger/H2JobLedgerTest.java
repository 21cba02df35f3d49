package io.iotjobbridge.ledger;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded default, an H2 file database. */
class H2JobLedgerTest extends JobLedgerContract {

    @TempDir
    Path state;

    private HikariDataSource dataSource;
    private JobLedger ledger;

    @BeforeEach
    void open() {
        dataSource = LedgerDataSource.open(LedgerDataSource.embeddedH2Url(state), "sa", "", 2);
        ledger = new JobLedger(dataSource, clock);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Override
    JobLedger ledger() {
        return ledger;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
