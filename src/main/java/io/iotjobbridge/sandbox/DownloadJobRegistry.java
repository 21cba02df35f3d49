package io.iotjobbridge.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every job the sandbox created, and the vendor's quotas over them: one unfinished job per instance, a daily number of
 * jobs per account, and a daily number of fetches per job's file. All under one lock: contention is irrelevant here,
 * and "check the quota, then count" must be atomic.
 *
 * <p>Jobs are kept for the sandbox's lifetime (a sandbox lives for a test run or a demo, not for months).
 */
final class DownloadJobRegistry {

    private static final DateTimeFormatter GENERATED_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(VendorCalendar.ZONE);

    private final JobTimeline timeline;
    private final Set<String> failingTables;
    private final int dailyJobLimit;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, DownloadJob> jobs = new HashMap<>();
    private final Map<String, FetchTally> fetches = new HashMap<>();
    private final Consumer<DownloadJob> onCreated;

    /** @param onCreated told of each new job, e.g. to push its status changes */
    DownloadJobRegistry(JobTimeline timeline, Set<String> failingTables, int dailyJobLimit,
                        Consumer<DownloadJob> onCreated) {
        this.timeline = timeline;
        this.failingTables = Set.copyOf(failingTables);
        this.dailyJobLimit = dailyJobLimit;
        this.onCreated = onCreated;
    }

    /** Admits the draft as a new job, or refuses it with the quota it would break. */
    synchronized DownloadJob create(JobDraft draft, Instant now) {
        boolean instanceBusy = jobs.values().stream()
                .anyMatch(j -> j.isOwnedBy(draft.accessKeyId(), draft.instanceKey()) && j.statusAt(now).isInProgress());
        if (instanceBusy) {
            throw new IotRejection(IotError.PROCESS_DOWNLOAD_JOB_MORE_CONCURRENCE_COUNT, "a job is still in progress");
        }
        LocalDate today = VendorCalendar.dayOf(now);
        long createdToday = jobs.values().stream()
                .filter(j -> j.accessKeyId().equals(draft.accessKeyId()))
                .filter(j -> VendorCalendar.dayOf(j.createdAt()).equals(today))
                .count();
        if (createdToday >= dailyJobLimit) {
            throw new IotRejection(IotError.DOWNLOAD_TASK_NUM_UPPER_LIMIT, "daily job quota used up");
        }
        String id = newJobId(now);
        String csvFileName = (draft.fileName() != null ? draft.fileName()
                : draft.tableName() + "_" + GENERATED_NAME_TIME.format(now)) + ".csv";
        DownloadJob job = new DownloadJob(id, draft.accessKeyId(), draft.instanceKey(), draft.tableName(),
                draft.startTimeMs(), draft.endTimeMs(), csvFileName, now, timeline,
                failingTables.contains(draft.tableName()));
        jobs.put(id, job);
        onCreated.accept(job);
        return job;
    }

    synchronized Optional<DownloadJob> find(String longJobId) {
        return Optional.ofNullable(jobs.get(longJobId));
    }

    synchronized int fetchesOn(String longJobId, LocalDate day) {
        FetchTally tally = fetches.get(longJobId);
        return tally == null || !tally.day().equals(day) ? 0 : tally.count();
    }

    /** Counts one fetch of the job's file unless today's limit is reached; the tally starts afresh each day. */
    synchronized boolean tryRecordFetch(String longJobId, LocalDate day, int limit) {
        int used = fetchesOn(longJobId, day);
        if (used >= limit) {
            return false;
        }
        fetches.put(longJobId, new FetchTally(day, used + 1));
        return true;
    }

    /** Same shape as the vendor's ids (24 hex digits, time first), unique within this sandbox. */
    private String newJobId(Instant now) {
        byte[] tail = new byte[8];
        String id;
        do {
            random.nextBytes(tail);
            id = String.format("%08x", now.getEpochSecond() & 0xffff_ffffL) + HexFormat.of().formatHex(tail);
        } while (jobs.containsKey(id));
        return id;
    }

    /** Only today's count matters, so one entry per job is enough: memory stays bounded by the number of jobs. */
    private record FetchTally(LocalDate day, int count) {
    }
}
