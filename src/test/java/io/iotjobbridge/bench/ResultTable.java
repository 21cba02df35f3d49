package io.iotjobbridge.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints the rows as one fixed-width table, then each row's notes. */
final class ResultTable {

    private static final String FORMAT =
            "%-24s %5s %5s %5s %5s %9s %8s %6s %7s %9s %8s %15s %11s %10s %9s %9s%n";

    private ResultTable() {
    }

    static void print(PrintStream out, List<String> header, List<ResultRow> rows) {
        header.forEach(out::println);
        out.printf(Locale.ROOT, FORMAT, "scenario", "jobs", "done", "fail", "open", "makespan", "bound",
                "ratio", "jobs/s", "calls/job", "min/job", "latency ms", "polls/job", "limit rej", "other rej",
                "heap MiB");
        for (ResultRow row : rows) {
            if (row.unavailable() != null) {
                out.printf(Locale.ROOT, "%-24s %s%n", row.scenario(), row.unavailable());
                continue;
            }
            out.printf(Locale.ROOT, FORMAT, row.scenario(), row.jobs(), row.delivered(), row.failed(), row.open(),
                    seconds(row.makespan()), seconds(row.bound()), ratio(row), jobsPerSecond(row),
                    decimal(row.callsPerJob()), decimal(row.minCallsPerJob()), latency(row),
                    decimal(row.statusPollsPerJob()), whole(row.limitRejections()), whole(row.otherRejections()),
                    row.peakHeapBytes() == null ? "-" : String.valueOf(row.peakHeapBytes() / (1024 * 1024)));
        }
        for (ResultRow row : rows) {
            row.notes().forEach(note -> out.println("  " + row.scenario() + ": " + note));
        }
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Only for a scenario that delivered every job: the bound is for all of them. */
    private static String ratio(ResultRow row) {
        if (row.makespan() == null || row.bound() == null || row.bound().isZero() || row.delivered() < row.jobs()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", row.makespan().toMillis() / (double) row.bound().toMillis());
    }

    private static String jobsPerSecond(ResultRow row) {
        if (row.makespan() == null || row.makespan().isZero()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", row.delivered() * 1000.0 / row.makespan().toMillis());
    }

    private static String latency(ResultRow row) {
        if (row.latencyMean() == null) {
            return "-";
        }
        return row.latencyMean().toMillis() + " / " + row.latencyMax().toMillis();
    }

    private static String decimal(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String whole(Long value) {
        return value == null ? "-" : String.valueOf(value);
    }
}
