package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The ledger's side of status events: each recorded transition is an event waiting to be published, in the order
 * recorded. Publication marks it done in the same transaction that locked it, so a crash between the two publishes
 * it again (at least once) and never skips it; nodes sharing a database lock the same rows, so they never publish
 * one event twice while both are up. Also keeps where each job's final status is to be replied to.
 */
public final class EventOutbox {

    /** One transition waiting to be published, with the job's vendor job id and progress as they were then. */
    public record PendingEvent(long sequence, String jobId, Instant at, JobState state, String detail,
                               String vendorJobId, Integer progress) {
    }

    /** An address a job's final status goes to, and the correlation id the asker will match it by. */
    public record Reply(String address, String correlationId) {
    }

    /** Publishes one event; throwing leaves it (and the events after it) for the next round. */
    @FunctionalInterface
    public interface Publisher {
        void publish(PendingEvent event) throws Exception;
    }

    private final DataSource dataSource;
    private final Clock clock;

    public EventOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Publishes up to {@code max} waiting events, oldest first, stopping at the first that fails.
     *
     * @return how many were published
     * @throws Exception what the publisher threw, after the events before it were marked published
     */
    public int publishPending(int max, Publisher publisher) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int published = 0;
            try {
                for (PendingEvent event : lockPending(c, max)) {
                    publisher.publish(event);
                    markPublished(c, event.sequence());
                    published++;
                }
            } finally {
                c.commit();
            }
            return published;
        } catch (SQLException e) {
            throw new LedgerException("could not publish status events", e);
        }
    }

    /** Events recorded but not yet published, for operators and tests. */
    public int pendingCount() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from job_transition where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new LedgerException("could not count waiting status events", e);
        }
    }

    /** Remembers that {@code jobId}'s final status also goes to {@code reply}; a repeat changes nothing. */
    public void addReply(String jobId, Reply reply) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into job_reply (job_id, address, correlation_id)"
                     + " select ?, ?, ? where not exists (select 1 from job_reply where job_id = ? and address = ?"
                     + " and correlation_id = ?)")) {
            c.setAutoCommit(true);
            for (int i = 0; i < 2; i++) {
                ps.setString(1 + 3 * i, jobId);
                ps.setString(2 + 3 * i, reply.address());
                ps.setString(3 + 3 * i, reply.correlationId());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw new LedgerException("could not record the reply address of job " + jobId, e);
            }
        }
    }

    public List<Reply> replies(String jobId) {
        List<Reply> replies = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select address, correlation_id from job_reply"
                     + " where job_id = ? order by address, correlation_id")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replies.add(new Reply(rs.getString(1), rs.getString(2)));
                }
            }
            return replies;
        } catch (SQLException e) {
            throw new LedgerException("could not read the reply addresses of job " + jobId, e);
        }
    }

    private static List<PendingEvent> lockPending(Connection c, int max) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, job_id, at, state, detail, vendor_job_id, progress"
                + " from job_transition where published_at is null order by id fetch first " + max
                + " rows only for update")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            JobState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            (Integer) rs.getObject(7)));
                }
            }
        }
        return events;
    }

    private void markPublished(Connection c, long sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update job_transition set published_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, sequence);
            ps.executeUpdate();
        }
    }
}
