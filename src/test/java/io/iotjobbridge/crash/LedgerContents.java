package io.iotjobbridge.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.ledger.LedgerDataSource;

/**
 * What the embedded ledger in a data folder says about some requests, read while no bridge runs on that folder (H2
 * lets one process at a time open the file, and a dead process no longer holds it).
 */
final class LedgerContents {

    /** One job as recorded: the row, the files recorded as delivered, and every committed state change. */
    record Job(JobRecord record, List<DeliveredFile> files, List<JobTransition> history) {

        JobState state() {
            return record.state();
        }

        long transitionsTo(JobState state) {
            return history.stream().filter(t -> t.state() == state).count();
        }
    }

    private final Map<String, Job> byRequestId;

    private LedgerContents(Map<String, Job> byRequestId) {
        this.byRequestId = byRequestId;
    }

    /**
     * The jobs of {@code requestIds} admitted so far; a request the bridge never read has none. Two connections:
     * Flyway holds one while it checks the schema with another.
     */
    static LedgerContents read(Path dataDir, Collection<String> requestIds) {
        try (HikariDataSource dataSource = LedgerDataSource.open(
                LedgerDataSource.embeddedH2Url(dataDir.resolve("state")), "sa", "", 2)) {
            JobLedger ledger = new JobLedger(dataSource, Clock.systemUTC());
            Map<String, Job> jobs = new LinkedHashMap<>();
            for (String requestId : requestIds) {
                ledger.findByRequestId(requestId).ifPresent(job -> jobs.put(requestId,
                        new Job(job, ledger.files(job.id()), ledger.history(job.id()))));
            }
            return new LedgerContents(jobs);
        }
    }

    Optional<Job> job(String requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    Collection<Job> jobs() {
        return byRequestId.values();
    }

    Set<String> requestsWhere(Predicate<Job> condition) {
        return byRequestId.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return byRequestId.values().stream()
                .map(job -> job.record().requestId() + " " + job.state() + " vendor job " + job.record().vendorJobId()
                        + ", " + job.files().size() + " file(s) recorded, history " + job.history().stream()
                        .map(t -> t.state() + " (" + t.detail() + ")").toList())
                .collect(Collectors.joining("\n  ", "ledger:\n  ", ""));
    }
}
