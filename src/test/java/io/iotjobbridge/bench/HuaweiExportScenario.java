package io.iotjobbridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.SandboxStats;

/**
 * Many CreateExportTask jobs on one Huawei account against the vendor's true export limits (5 unfinished, 50 kept,
 * one file download per interval), with time scaled down so the run takes minutes: how close the bridge comes to
 * the shortest makespan those limits allow ({@link ExportBound}).
 */
final class HuaweiExportScenario {

    static final String SAMPLE = "huawei-export-batch-task.json";
    /** The sandbox's export limits are left at the vendor's figures; the bound uses the same. */
    static final int UNFINISHED_LIMIT = 5;
    static final int KEPT_LIMIT = 50;
    /** The sandbox seeds 120 batch tasks per scope, the newest 3 still running; the older ones are finished. */
    private static final int SEEDED_BATCH_TASKS = 120;
    private static final int STILL_RUNNING_SEEDS = 3;
    /** Every API the export flow calls: create, status (ListExportTasks) and the file (ShowExportTask). */
    private static final List<String> APIS = List.of("CreateExportTask", "ListExportTasks", "ShowExportTask");
    /** Per job at best: its create, one status look after the export finished, its file. */
    private static final double MIN_CALLS_PER_JOB = 3;

    private HuaweiExportScenario() {
    }

    static ResultRow run(BenchSettings settings) throws Exception {
        int n = settings.exports();
        List<RequestFiles.Request> requests = requests(n);
        Map<String, String> props = new LinkedHashMap<>(settings.engineProperties());
        props.put("bridge.sandbox.huawei.export-running-ms", String.valueOf(settings.exportProcessing().toMillis()));
        // the sandbox's default account takes this same interval as its export-download-interval
        props.put("bridge.sandbox.huawei.download-interval-ms", String.valueOf(settings.downloadInterval().toMillis()));
        props.put("bridge.sandbox.huawei.seeded-batch-tasks",
                String.valueOf(Math.max(SEEDED_BATCH_TASKS, n + STILL_RUNNING_SEEDS)));
        props.put("bridge.sandbox.push.enabled", "false");

        try (BridgeRun run = BridgeRun.start(BenchSettings.HUAWEI_EXPORT, props)) {
            run.drop(requests);
            Outcomes outcomes = run.await(RequestFiles.ids(requests), settings.timeout());
            SandboxStats stats = run.stats();
            long heap = HeapPeak.bytes();
            Optional<Duration> oneDownload = oneDownload(outcomes);
            List<String> notes = notes(settings, outcomes, stats, oneDownload);
            ResultRow row = ResultRow.measured(BenchSettings.HUAWEI_EXPORT, outcomes, stats, heap, notes)
                    .withCalls(callsPerDelivered(stats, outcomes), MIN_CALLS_PER_JOB);
            ExportBound.Rules rules = new ExportBound.Rules(settings.exportProcessing(), settings.downloadInterval(),
                    UNFINISHED_LIMIT, KEPT_LIMIT);
            return oneDownload.map(d -> row.withBound(ExportBound.lastDownloadStart(n, rules).plus(d))).orElse(row);
        }
    }

    /**
     * Copies of the sample over distinct finished batch tasks. Seeded task ids are the scope's 8 hex digits (the
     * sample's, as the default sandbox account sees them) and a counter from 1, oldest first.
     */
    static List<RequestFiles.Request> requests(int n) throws Exception {
        ObjectNode sample = RequestFiles.read(SAMPLE);
        String scope = sample.path("params").path("resource_condition").path("task_id").asText().substring(0, 8);
        return RequestFiles.copies(SAMPLE, "export", n, (k, doc) -> ((ObjectNode) doc.path("params")
                .path("resource_condition")).put("task_id", scope + String.format("%016x", k)));
    }

    private static double callsPerDelivered(SandboxStats stats, Outcomes outcomes) {
        long calls = APIS.stream().mapToLong(stats::callsOf).sum();
        return outcomes.delivered() == 0 ? Double.NaN : calls / (double) outcomes.delivered();
    }

    /**
     * What one download takes: the shortest time any job needed from DOWNLOADING to its last file. The first job to
     * download never waits for a turn, so this is a download's own duration (request, zip, entries, delivery).
     */
    private static Optional<Duration> oneDownload(Outcomes outcomes) {
        return outcomes.deliveredJobs().stream()
                .map(job -> job.firstAt(JobState.DOWNLOADING).flatMap(start -> job.lastFileAt()
                        .map(end -> Duration.between(start, end))))
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    /** Where the time beyond the bound went: the findings printed under the table. */
    private static List<String> notes(BenchSettings settings, Outcomes outcomes, SandboxStats stats,
                                      Optional<Duration> oneDownload) {
        List<String> notes = new ArrayList<>();
        List<Instant> downloads = outcomes.deliveredJobs().stream().map(JobOutcome::firstFileAt)
                .flatMap(Optional::stream).sorted().toList();
        Optional<Instant> firstReceived = outcomes.jobs().stream().map(JobOutcome::receivedAt)
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
        if (!downloads.isEmpty() && firstReceived.isPresent()) {
            notes.add("first file delivered " + Duration.between(firstReceived.get(), downloads.get(0)).toMillis()
                    + " ms after the first request was recorded (at best one export's processing, "
                    + settings.exportProcessing().toMillis() + " ms, and one download)");
        }
        if (downloads.size() > 1) {
            List<Duration> gaps = between(downloads);
            Spread spread = Spread.of(gaps);
            long beyond = gaps.stream().mapToLong(gap -> gap.minus(settings.downloadInterval()).toMillis()).sum();
            notes.add("gap between consecutive downloads: mean " + spread.mean() + " ms, max " + spread.max()
                    + " ms (the vendor allows one per " + settings.downloadInterval().toMillis() + " ms); "
                    + beyond + " ms beyond the interval in all");
        }
        Spread finishToDownloading = Spread.of(outcomes.deliveredJobs().stream()
                .map(job -> job.firstAt(JobState.SUBMITTED).flatMap(created -> job.firstAt(JobState.DOWNLOADING)
                        .map(seen -> Duration.between(created.plus(settings.exportProcessing()), seen))))
                .flatMap(Optional::stream).toList());
        if (finishToDownloading.count() > 0) {
            notes.add("export finished (create + " + settings.exportProcessing().toMillis()
                    + " ms) to seen finished by a status check: mean " + finishToDownloading.mean() + " ms, max "
                    + finishToDownloading.max() + " ms");
        }
        long queued = outcomes.jobs().stream().filter(job -> job.firstAt(JobState.QUEUED).isPresent()).count();
        notes.add("jobs that waited in QUEUED for a vendor quota: " + queued + " of " + outcomes.count());
        oneDownload.ifPresent(d -> notes.add("one download (DOWNLOADING to last file, fastest job): "
                + d.toMillis() + " ms"));
        notes.add("calls: " + APIS.stream().map(api -> api + " " + stats.callsOf(api)).toList());
        Findings.addRejectionsAndProblems(notes, stats, outcomes);
        return notes;
    }

    private static List<Duration> between(List<Instant> times) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        return gaps;
    }
}
