package io.iotjobbridge.trigger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The file trigger's read lock store: a claim row per file being taken, in the ledger database, so every node on
 * that database (H2 for one node, PostgreSQL for several) sees the others' claims and never takes a file another
 * is taking. camel-sql's orphan-aware repository renews the claims a node holds and treats a claim nobody renewed
 * for {@link InboxSettings#claimMaxAge()} as left by a dead node, so a crash never strands a file. The trigger
 * releases a claim once the file is archived: duplicate requests are the ledger's to find (by request id), so a
 * file dropped again is read again and archived as a duplicate rather than left in the inbox for ever.
 */
public final class InboxClaims {

    /** The registry name trigger routes refer to: {@code idempotentRepository=#inboxClaims}. */
    public static final String BEAN_NAME = "inboxClaims";
    /** One name for every node, so their claims meet in the same rows. */
    static final String PROCESSOR_NAME = "file-drop";

    private InboxClaims() {
    }

    /** Binds the claim store as {@value #BEAN_NAME}, started and stopped with {@code context}. */
    public static void bind(CamelContext context, DataSource ledger, InboxSettings settings) throws Exception {
        JdbcOrphanLockAwareIdempotentRepository claims =
                new JdbcOrphanLockAwareIdempotentRepository(ledger, PROCESSOR_NAME, context);
        // the table is Flyway's (V7), like the rest of the ledger's schema
        claims.setCreateTableIfNotExists(false);
        claims.setLockMaxAgeMillis(settings.claimMaxAge().toMillis());
        claims.setLockKeepAliveIntervalMillis(settings.claimKeepAlive().toMillis());
        context.addService(claims, true, true);
        context.getRegistry().bind(BEAN_NAME, claims);
    }
}
