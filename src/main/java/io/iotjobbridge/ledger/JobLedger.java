package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.iotjobbridge.vendor.Quota;
import io.iotjobbridge.vendor.Vendor;

/**
 * The durable record of every job. Each write is one transaction, and the engine acts on a state only after the
 * write that records it has committed, so a crash at any point resumes from the last committed state.
 */
public final class JobLedger {

    static final String COLUMNS = "id, request_id, vendor, account, operation, destination, request_json, options_json, state,"
            + " vendor_job_id, vendor_status, progress, reason, attempts, next_run_at, created_at, updated_at, version,"
            + " submit_started_at";
    private static final int MAX_TEXT = 2000;
    private static final String TERMINAL = JobState.terminalSqlList();

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;

    /** A ledger for a node with a fresh identity (tests, tools). */
    public JobLedger(DataSource dataSource, Clock clock) {
        this(dataSource, clock, UUID.randomUUID().toString());
    }

    /** @param node this node's lasting identity: the leases it takes carry it */
    public JobLedger(DataSource dataSource, Clock clock, String node) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Frees the leases this node held when it stopped (a crash leaves them until they expire): called at start-up,
     * before this node claims anything, so its unfinished jobs resume at once.
     *
     * @return how many jobs were freed
     */
    /** The name this node leases jobs under. */
    public String node() {
        return node;
    }

    public int releaseOwnLeases() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update job set lease_until = null, lease_owner = null"
                     + " where lease_owner = ? and lease_until is not null")) {
            ps.setString(1, node);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("could not free the leases of node " + node, e);
        }
    }

    /** The outcome of recording a request: a new job, or the job an earlier copy of the same request created. */
    public record Admission(JobRecord job, boolean created) {
    }

    /**
     * Records a new job in state RECEIVED, unless a job for the same request id exists already: the request id is
     * the idempotency key, so a re-dropped file or a redelivered message never becomes a second job.
     */
    public Admission admit(String requestId, Vendor vendor, String account, String operation, String destination,
                           String requestJson, String optionsJson) {
        Optional<JobRecord> existing = findByRequestId(requestId);
        if (existing.isPresent()) {
            return new Admission(existing.get(), false);
        }
        Instant now = clock.instant();
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), requestId, vendor, account, operation,
                destination, requestJson, optionsJson, JobState.RECEIVED, null, null, null, null, 0, now, now, now, 0);
        try (Connection c = transaction()) {
            insert(c, job);
            String detail = "request " + requestId + " accepted";
            insertTransition(c, job, now, detail);
            c.commit();
            TransitionLog.committed(null, job, detail);
            return new Admission(job, true);
        } catch (SQLException e) {
            // a concurrent admission of the same request id won the unique constraint: report its job
            return findByRequestId(requestId).map(j -> new Admission(j, false))
                    .orElseThrow(() -> new LedgerException("could not record request " + requestId, e));
        }
    }

    public Optional<JobRecord> find(String jobId) {
        return queryOne("select " + COLUMNS + " from job where id = ?", jobId);
    }

    public Optional<JobRecord> findByRequestId(String requestId) {
        return queryOne("select " + COLUMNS + " from job where request_id = ?", requestId);
    }

    /**
     * Claims up to {@code max} unfinished jobs that are due, leasing each for {@code lease} so no other worker (or
     * node) works on it meanwhile. A lease left by a crashed worker simply expires.
     */
    public List<String> claimDue(int max, Duration lease) {
        Instant now = clock.instant();
        List<String> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from job where state not in (" + TERMINAL + ")"
                     + " and next_run_at <= ? and (lease_until is null or lease_until < ?) order by next_run_at")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
            List<String> claimed = new ArrayList<>();
            try (PreparedStatement claim = c.prepareStatement("update job set lease_until = ?, lease_owner = ?"
                    + " where id = ? and (lease_until is null or lease_until < ?)")) {
                for (String id : candidates) {
                    claim.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    claim.setString(2, node);
                    claim.setString(3, id);
                    claim.setTimestamp(4, Timestamp.from(now));
                    if (claim.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new LedgerException("could not claim due jobs", e);
        }
    }

    /** Saves the next version of a job and ends the worker's step: the lease is released. */
    public JobRecord save(JobRecord job, String detail) {
        return write(job, detail, true);
    }

    /** Saves the next version of a job mid-step: the worker keeps its lease and goes on working on the job. */
    public JobRecord checkpoint(JobRecord job, String detail) {
        return write(job, detail, false);
    }

    /**
     * Writes the job if nobody saved it since {@code job} was read; when the state changed, the transition is
     * recorded in the same transaction.
     *
     * @throws ConcurrentUpdateException when the job was saved meanwhile (its version moved on)
     */
    private JobRecord write(JobRecord job, String detail, boolean releaseLease) {
        return write(job, detail, releaseLease, null);
    }

    private JobRecord write(JobRecord job, String detail, boolean releaseLease, String waitingFor) {
        try (Connection c = transaction()) {
            JobState before = update(c, job, detail, releaseLease, waitingFor);
            JobRecord saved = reread(c, job.id());
            c.commit();
            logIfMoved(before, saved, detail);
            return saved;
        } catch (SQLException e) {
            throw new LedgerException("could not save job " + job.id(), e);
        }
    }

    /**
     * Updates the job row inside {@code c}'s transaction and, when the state changed, records the transition and
     * settles the job's quota shares: a create the vendor refused gives its shares back, and a job that stops
     * holding a quota wakes the jobs queued for it.
     *
     * @return the job's state before the update
     */
    private JobState update(Connection c, JobRecord job, String detail, boolean releaseLease, String waitingFor)
            throws SQLException {
        Instant now = clock.instant();
        JobState before = stateOf(c, job.id());
        try (PreparedStatement ps = c.prepareStatement("update job set state = ?, vendor_job_id = ?,"
                + " vendor_status = ?, progress = ?, reason = ?, attempts = ?, next_run_at = ?,"
                + (releaseLease ? " lease_until = null," : "")
                + " submit_started_at = ?, waiting_for = ?,"
                + " updated_at = ?, version = version + 1 where id = ? and version = ?")) {
            ps.setString(1, job.state().name());
            ps.setString(2, job.vendorJobId());
            ps.setString(3, job.vendorStatus());
            ps.setObject(4, job.progress());
            ps.setString(5, truncate(job.reason()));
            ps.setInt(6, job.attempts());
            ps.setTimestamp(7, Timestamp.from(job.nextRunAt()));
            ps.setTimestamp(8, Sql.timestamp(job.submitStartedAt()));
            ps.setString(9, waitingFor);
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setString(11, job.id());
            ps.setInt(12, job.version());
            if (ps.executeUpdate() == 0) {
                c.rollback();
                throw new ConcurrentUpdateException(job.id());
            }
        }
        if (before != job.state()) {
            insertTransition(c, job, now, detail);
            if (!job.state().isUnfinishedAtVendor()) {
                QuotaShares.wakeWaiting(c, job.id(), now);
            }
            if (before == JobState.SUBMITTING && (job.state() == JobState.QUEUED || job.state() == JobState.FAILED)
                    && job.vendorJobId() == null) {
                QuotaShares.release(c, job.id());
            }
        }
        return before;
    }

    private static void logIfMoved(JobState before, JobRecord saved, String detail) {
        if (before != saved.state()) {
            TransitionLog.committed(before, saved, detail);
        }
    }

    /** The outcome of asking to start a vendor job: started (now SUBMITTING), or waiting for a full quota. */
    public record SubmitStart(JobRecord started, QuotaWait quotaWait) {
        public boolean isStarted() {
            return started != null;
        }
    }

    /**
     * Starts a submit if every quota has room: takes a share of each and moves the job to SUBMITTING, in one
     * transaction under the quotas' locks, so no two submits (on any node) can take the last share. Otherwise
     * records nothing and says which quota is full. The worker keeps its lease: it goes on to call the vendor.
     */
    public SubmitStart startSubmit(JobRecord job, List<Quota> quotas, Duration recheck) {
        Instant now = clock.instant();
        try {
            QuotaShares.ensureLocks(dataSource, quotas);
            try (Connection c = transaction()) {
                QuotaShares.lock(c, quotas);
                Optional<QuotaWait> full = QuotaShares.firstFull(c, job.id(), quotas, now, recheck);
                if (full.isPresent()) {
                    c.rollback();
                    return new SubmitStart(null, full.get());
                }
                QuotaShares.take(c, job.id(), quotas, now);
                JobRecord submitting = new JobRecord(job.id(), job.requestId(), job.vendor(), job.account(),
                        job.operation(), job.destination(), job.requestJson(), job.optionsJson(), JobState.SUBMITTING,
                        null, null, null, null, job.attempts(), job.nextRunAt(), job.createdAt(), job.updatedAt(),
                        job.version(), now);
                String detail = "creating the vendor job";
                JobState before = update(c, submitting, detail, false, null);
                JobRecord started = reread(c, job.id());
                c.commit();
                logIfMoved(before, started, detail);
                return new SubmitStart(started, null);
            }
        } catch (SQLException e) {
            throw new LedgerException("could not start the submit of job " + job.id(), e);
        }
    }

    /** Parks a job until {@code wait.until()} (or until a share of the full quota frees up), saying why. */
    public JobRecord queue(JobRecord job, QuotaWait wait, String why) {
        JobRecord queued = (job.state() == JobState.QUEUED ? job : job.moveTo(JobState.QUEUED, why))
                .nextRunAt(wait.until(), 0, why);
        return write(queued, why, true, wait.quota().key());
    }

    /** The jobs of an account creating their vendor job right now (or when their node died). */
    public List<JobRecord> findSubmitting(Vendor vendor, String account) {
        return queryList("select " + COLUMNS + " from job where vendor = ? and account = ? and state = 'SUBMITTING'",
                "the submits of account " + account, vendor.wireName(), account);
    }

    /** Unfinished jobs of an account following vendor job {@code vendorJobId} (normally one). */
    public List<JobRecord> findActiveByVendorJob(Vendor vendor, String account, String vendorJobId) {
        return queryList("select " + COLUMNS + " from job where vendor = ? and account = ? and vendor_job_id = ?"
                + " and state not in (" + TERMINAL + ")", "jobs of vendor job " + vendorJobId,
                vendor.wireName(), account, vendorJobId);
    }

    /** The jobs {@code sql} selects with {@code keys} as its parameters; {@code what} names them in an error. */
    private List<JobRecord> queryList(String sql, String what, String... keys) {
        List<JobRecord> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 1, keys[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new LedgerException("could not find " + what, e);
        }
    }

    public void recordFile(String jobId, DeliveredFile file) {
        try (Connection c = transaction();
             PreparedStatement ps = c.prepareStatement("insert into job_file (job_id, name, location, size_bytes,"
                     + " sha256, delivered_at) values (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, jobId);
            ps.setString(2, file.name());
            ps.setString(3, file.location());
            ps.setLong(4, file.sizeBytes());
            ps.setString(5, file.sha256());
            ps.setTimestamp(6, Timestamp.from(file.deliveredAt()));
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new LedgerException("could not record file " + file.name() + " of job " + jobId, e);
        }
    }

    public List<DeliveredFile> files(String jobId) {
        List<DeliveredFile> files = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select name, location, size_bytes, sha256, delivered_at"
                     + " from job_file where job_id = ? order by delivered_at, name")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new DeliveredFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new LedgerException("could not read files of job " + jobId, e);
        }
    }

    public List<JobTransition> history(String jobId) {
        List<JobTransition> history = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select at, state, detail, vendor_job_id, progress"
                     + " from job_transition where job_id = ?"
                     + " order by id")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new JobTransition(rs.getTimestamp(1).toInstant(), JobState.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), (Integer) rs.getObject(5)));
                }
            }
            return history;
        } catch (SQLException e) {
            throw new LedgerException("could not read the history of job " + jobId, e);
        }
    }

    private Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static void insert(Connection c, JobRecord job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into job (" + COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.requestId());
            ps.setString(3, job.vendor().wireName());
            ps.setString(4, job.account());
            ps.setString(5, job.operation());
            ps.setString(6, job.destination());
            ps.setString(7, job.requestJson());
            ps.setString(8, job.optionsJson());
            ps.setString(9, job.state().name());
            ps.setString(10, job.vendorJobId());
            ps.setString(11, job.vendorStatus());
            ps.setObject(12, job.progress());
            ps.setString(13, truncate(job.reason()));
            ps.setInt(14, job.attempts());
            ps.setTimestamp(15, Timestamp.from(job.nextRunAt()));
            ps.setTimestamp(16, Timestamp.from(job.createdAt()));
            ps.setTimestamp(17, Timestamp.from(job.updatedAt()));
            ps.setInt(18, job.version());
            ps.setTimestamp(19, Sql.timestamp(job.submitStartedAt()));
            ps.executeUpdate();
        }
    }

    /** Records that {@code job} entered its state, as it is now: the status event published later shows this. */
    private static void insertTransition(Connection c, JobRecord job, Instant at, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into job_transition (job_id, at, state, detail,"
                + " vendor_job_id, progress) values (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, job.state().name());
            ps.setString(4, truncate(detail));
            ps.setString(5, job.vendorJobId());
            ps.setObject(6, job.progress());
            ps.executeUpdate();
        }
    }

    private static JobState stateOf(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select state from job where id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerException("no job " + jobId, null);
                }
                return JobState.valueOf(rs.getString(1));
            }
        }
    }

    /** The job as {@code c}'s transaction sees it: no second connection is taken while one is held. */
    private static JobRecord reread(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from job where id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerException("no job " + jobId, null);
                }
                return read(rs);
            }
        }
    }

    private Optional<JobRecord> queryOne(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read job " + key, e);
        }
    }

    static JobRecord read(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("id"), rs.getString("request_id"),
                Vendor.fromWireName(rs.getString("vendor")).orElseThrow(), rs.getString("account"),
                rs.getString("operation"), rs.getString("destination"), rs.getString("request_json"), rs.getString("options_json"),
                JobState.valueOf(rs.getString("state")), rs.getString("vendor_job_id"), rs.getString("vendor_status"),
                (Integer) rs.getObject("progress"), rs.getString("reason"), rs.getInt("attempts"),
                rs.getTimestamp("next_run_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                Sql.instant(rs.getTimestamp("submit_started_at")));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
