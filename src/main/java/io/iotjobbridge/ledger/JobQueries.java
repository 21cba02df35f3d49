package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.iotjobbridge.vendor.Vendor;

/**
 * What operators ask of the ledger: jobs by state, vendor, operation and time, one job by either id, and the
 * counts behind the dashboard and the metrics. Read-only; the engine's own reads and writes stay in
 * {@link JobLedger}.
 */
public final class JobQueries {

    /** A job as listed, with the quota it is waiting for (null when it waits for none). */
    public record ListedJob(JobRecord job, String waitingFor) {
    }

    /**
     * Which jobs to list, newest first. Empty {@code states} means every state; null bounds mean unbounded.
     *
     * @param since inclusive lower bound of the creation time
     * @param until exclusive upper bound of the creation time
     */
    public record Filter(Set<JobState> states, Vendor vendor, String operation, Instant since, Instant until,
                         int limit) {
    }

    /** How many jobs stand in each state, per vendor and operation. */
    public record StateCount(JobState state, Vendor vendor, String operation, int count) {
    }

    private final DataSource dataSource;

    public JobQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ListedJob> list(Filter filter) {
        StringBuilder sql = new StringBuilder("select " + JobLedger.COLUMNS + ", waiting_for from job where 1 = 1");
        List<Object> values = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            sql.append(" and state in (").append("?, ".repeat(filter.states().size() - 1)).append("?)");
            filter.states().forEach(state -> values.add(state.name()));
        }
        if (filter.vendor() != null) {
            sql.append(" and vendor = ?");
            values.add(filter.vendor().wireName());
        }
        if (filter.operation() != null) {
            sql.append(" and operation = ?");
            values.add(filter.operation());
        }
        if (filter.since() != null) {
            sql.append(" and created_at >= ?");
            values.add(Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            sql.append(" and created_at < ?");
            values.add(Timestamp.from(filter.until()));
        }
        sql.append(" order by created_at desc, id fetch first ").append(filter.limit()).append(" rows only");
        return listed(sql.toString(), values);
    }

    /** The job with this id, or else the one with this request id. */
    public Optional<ListedJob> find(String idOrRequestId) {
        List<ListedJob> found = listed("select " + JobLedger.COLUMNS + ", waiting_for from job where id = ?"
                + " or request_id = ? order by case when id = ? then 0 else 1 end",
                List.of(idOrRequestId, idOrRequestId, idOrRequestId));
        return found.stream().findFirst();
    }

    /** The jobs waiting for a quota to free up, soonest release first. */
    public List<ListedJob> quotaWaits(int max) {
        return listed("select " + JobLedger.COLUMNS + ", waiting_for from job where waiting_for is not null"
                + " and state not in ('DELIVERED', 'FAILED', 'CANCELLED') order by next_run_at fetch first " + max
                + " rows only", List.of());
    }

    public List<StateCount> countByState() {
        List<StateCount> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select state, vendor, operation, count(*) from job"
                     + " group by state, vendor, operation");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.add(new StateCount(JobState.valueOf(rs.getString(1)),
                        Vendor.fromWireName(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getInt(4)));
            }
        } catch (SQLException e) {
            throw new LedgerException("could not count jobs by state", e);
        }
        return counts;
    }

    /** Every state with its number of jobs, zero included. */
    public Map<JobState, Integer> totalsByState() {
        Map<JobState, Integer> totals = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            totals.put(state, 0);
        }
        countByState().forEach(count -> totals.merge(count.state(), count.count(), Integer::sum));
        return totals;
    }

    private List<ListedJob> listed(String sql, List<Object> values) {
        List<ListedJob> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new ListedJob(JobLedger.read(rs), rs.getString("waiting_for")));
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("could not list jobs", e);
        }
        return jobs;
    }
}
