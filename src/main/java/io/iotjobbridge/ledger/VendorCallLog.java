package io.iotjobbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCall;
import io.iotjobbridge.vendor.VendorCallObserver;

/**
 * The vendor calls of every node, kept in the ledger database for a while: a job's calls for its detail, and the
 * recent calls per API for the dashboard's rates against each vendor limit (which hold per account, across nodes,
 * so one node's own count would understate them).
 */
public final class VendorCallLog implements VendorCallObserver {

    private static final int MAX_TEXT = 500;

    /**
     * The calls of one API of one account in a period, by outcome.
     *
     * @param errors   calls refused for any reason but throttling (quota, credentials, errors)
     * @param peak     the most calls in one second of the period
     */
    public record ApiCalls(Vendor vendor, String account, String action, int calls, int throttled, int errors,
                           int peak) {
    }

    private final DataSource dataSource;

    public VendorCallLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void heard(VendorCall call) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into vendor_call (job_id, at, vendor, account, action,"
                     + " outcome, code, message, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, call.jobId());
            ps.setTimestamp(2, Timestamp.from(call.at()));
            ps.setString(3, call.vendor().wireName());
            ps.setString(4, call.account());
            ps.setString(5, call.action());
            ps.setString(6, call.outcome().name());
            ps.setString(7, clip(call.code(), 128));
            ps.setString(8, clip(call.message(), MAX_TEXT));
            ps.setLong(9, Math.min(Integer.MAX_VALUE, call.took().toMillis()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("could not record a " + call.action() + " call", e);
        }
    }

    /** The last {@code max} calls made for {@code jobId}, oldest first. */
    public List<VendorCall> forJob(String jobId, int max) {
        return query("select * from (select * from vendor_call where job_id = ? order by id desc"
                + " fetch first " + max + " rows only) recent order by id", ps -> ps.setString(1, jobId));
    }

    /** The last {@code max} calls that did not succeed, newest first. */
    public List<VendorCall> lastRefusals(int max) {
        return query("select * from vendor_call where outcome <> 'OK' order by id desc fetch first " + max
                + " rows only", ps -> { });
    }

    /**
     * The calls since {@code since}, per vendor, account and API, with the most made in any one second: a vendor
     * limits calls per second, so the busiest second, not the average, shows how near the limit the bridge came.
     */
    public List<ApiCalls> since(Instant since) {
        Map<String, ApiCallsCounter> counters = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select vendor, account, action, outcome, at from vendor_call"
                     + " where at >= ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vendor = rs.getString(1);
                    String account = rs.getString(2);
                    String action = rs.getString(3);
                    counters.computeIfAbsent(vendor + "/" + account + "/" + action,
                                    key -> new ApiCallsCounter(vendor, account, action))
                            .add(VendorCall.Outcome.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("could not count recent vendor calls", e);
        }
        return counters.values().stream().map(ApiCallsCounter::total).toList();
    }

    /** Counts one API's calls as they are read. */
    private static final class ApiCallsCounter {
        private final String vendor;
        private final String account;
        private final String action;
        private final Map<Long, Integer> perSecond = new HashMap<>();
        private int calls;
        private int throttled;
        private int errors;

        ApiCallsCounter(String vendor, String account, String action) {
            this.vendor = vendor;
            this.account = account;
            this.action = action;
        }

        void add(VendorCall.Outcome outcome, Instant at) {
            calls++;
            throttled += outcome == VendorCall.Outcome.THROTTLED ? 1 : 0;
            errors += outcome == VendorCall.Outcome.OK || outcome == VendorCall.Outcome.THROTTLED ? 0 : 1;
            perSecond.merge(at.getEpochSecond(), 1, Integer::sum);
        }

        ApiCalls total() {
            return new ApiCalls(Vendor.fromWireName(vendor).orElseThrow(), account, action, calls, throttled, errors,
                    perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    /** Forgets the calls made before {@code before}; returns how many. */
    public int forgetBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from vendor_call where at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("could not forget old vendor calls", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<VendorCall> query(String sql, Binder binder) {
        List<VendorCall> calls = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calls.add(new VendorCall(rs.getTimestamp("at").toInstant(), rs.getString("job_id"),
                            Vendor.fromWireName(rs.getString("vendor")).orElseThrow(), rs.getString("account"), rs.getString("action"),
                            VendorCall.Outcome.valueOf(rs.getString("outcome")), rs.getString("code"),
                            rs.getString("message"), Duration.ofMillis(rs.getInt("duration_ms"))));
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read vendor calls", e);
        }
        return calls;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
