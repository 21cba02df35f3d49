package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.iotjobbridge.vendor.Quota;

/**
 * The shares of vendor quotas that started vendor jobs hold, kept in the ledger so every node sees the same
 * counts. All methods but {@link #ensureLocks} work inside the caller's transaction.
 */
final class QuotaShares {

    private static final String UNFINISHED = "'SUBMITTING', 'SUBMITTED', 'RUNNING'";
    /** A job still needs its vendor-side result until its files are delivered. */
    private static final String RESULT_NEEDED = "'SUBMITTING', 'SUBMITTED', 'RUNNING', 'DOWNLOADING'";

    private QuotaShares() {
    }

    /** Makes sure a lock row exists for each key. */
    static void ensureLocks(DataSource dataSource, List<Quota> quotas) throws SQLException {
        for (Quota quota : quotas) {
            Sql.insertIfAbsent(dataSource, "quota_lock", "quota_key", quota.key());
        }
    }

    /** Locks the quotas' rows, in key order so two submits never wait on each other's locks in a cycle. */
    static void lock(Connection c, List<Quota> quotas) throws SQLException {
        for (String key : new TreeSet<>(quotas.stream().map(Quota::key).toList())) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select quota_key from quota_lock where quota_key = ? for update")) {
                ps.setString(1, key);
                ps.executeQuery().close();
            }
        }
    }

    /** The first quota that has no room for job {@code jobId}, with when to look again. */
    static Optional<QuotaWait> firstFull(Connection c, String jobId, List<Quota> quotas, Instant now,
                                         Duration recheck) throws SQLException {
        for (Quota quota : quotas) {
            Optional<QuotaWait> wait = check(c, jobId, quota, now, recheck);
            if (wait.isPresent()) {
                return wait;
            }
        }
        return Optional.empty();
    }

    private static Optional<QuotaWait> check(Connection c, String jobId, Quota quota, Instant now, Duration recheck)
            throws SQLException {
        if (quota instanceof Quota.Unfinished unfinished) {
            long running = count(c, "select count(*) from job_quota q join job j on j.id = q.job_id"
                    + " where q.quota_key = ? and q.job_id <> ? and j.state in (" + UNFINISHED + ")", quota, jobId);
            return running < unfinished.max() ? Optional.empty() : Optional.of(new QuotaWait(quota,
                    now.plus(recheck), running + " of " + unfinished.describe() + " in use"));
        }
        if (quota instanceof Quota.PerDay perDay) {
            LocalDate today = LocalDate.ofInstant(now, perDay.zone());
            Instant dayStart = today.atStartOfDay(perDay.zone()).toInstant();
            long started = count(c, "select count(*) from job_quota where quota_key = ? and job_id <> ?"
                    + " and started_at >= ?", quota, jobId, dayStart);
            Instant tomorrow = today.plusDays(1).atStartOfDay(perDay.zone()).toInstant();
            return started < perDay.max() ? Optional.empty() : Optional.of(new QuotaWait(quota, tomorrow,
                    started + " of " + perDay.describe() + " used on " + today + " (" + perDay.zone() + ")"));
        }
        Quota.Retained retained = (Quota.Retained) quota;
        // The vendor deletes its oldest when one more is created: count what it may have created since the create
        // of the oldest job whose result is still needed; one more must not push that job out. Creates run in
        // parallel and can reach the vendor in another order than they began, so a create counts when it began
        // after that one, or had not been answered yet when that one began.
        Instant oldestNeeded = oldestNeeded(c, jobId, quota);
        if (oldestNeeded == null) {
            return Optional.empty();
        }
        long createdSince = count(c, "select count(*) from job_quota q join job j on j.id = q.job_id"
                + " where q.quota_key = ? and q.job_id <> ? and (q.started_at >= ? or j.state = 'SUBMITTING'"
                + " or exists (select 1 from job_transition t where t.job_id = q.job_id and t.state = 'SUBMITTED'"
                + " and t.at >= ?))", quota, jobId, oldestNeeded, oldestNeeded);
        return createdSince < retained.max() ? Optional.empty() : Optional.of(new QuotaWait(quota,
                now.plus(recheck), "one more would evict a result not yet fetched (" + retained.describe() + ")"));
    }

    private static Instant oldestNeeded(Connection c, String jobId, Quota quota) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select min(q.started_at) from job_quota q"
                + " join job j on j.id = q.job_id where q.quota_key = ? and q.job_id <> ?"
                + " and j.state in (" + RESULT_NEEDED + ")")) {
            ps.setString(1, quota.key());
            ps.setString(2, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Sql.instant(rs.getTimestamp(1));
            }
        }
    }

    /** Records that job {@code jobId} takes a share of each quota from {@code now} (replacing an earlier share). */
    static void take(Connection c, String jobId, List<Quota> quotas, Instant now) throws SQLException {
        release(c, jobId);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into job_quota (job_id, quota_key, started_at) values (?, ?, ?)")) {
            for (Quota quota : quotas) {
                ps.setString(1, jobId);
                ps.setString(2, quota.key());
                ps.setTimestamp(3, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Gives the shares back: the vendor refused the create, so it counts against nothing. */
    static void release(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from job_quota where job_id = ?")) {
            ps.setString(1, jobId);
            ps.executeUpdate();
        }
    }

    /** Makes the queued jobs waiting for a quota {@code jobId} holds due now: a share may just have freed up. */
    static void wakeWaiting(Connection c, String jobId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update job set next_run_at = ? where state = 'QUEUED'"
                + " and next_run_at > ? and waiting_for in (select quota_key from job_quota where job_id = ?)")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, jobId);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, Quota quota, Object... more) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, quota.key());
            for (int i = 0; i < more.length; i++) {
                Object value = more[i];
                if (value instanceof Instant instant) {
                    ps.setTimestamp(i + 2, Timestamp.from(instant));
                } else {
                    ps.setString(i + 2, (String) value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
