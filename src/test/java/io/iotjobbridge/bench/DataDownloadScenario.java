package io.iotjobbridge.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.sandbox.SandboxLink;
import io.iotjobbridge.sandbox.SandboxStats;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.aliyun.AliyunClient;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;

/**
 * Alibaba CreateDownloadDataJob jobs on one instance (the vendor runs one at a time and allows 3 a day): vendor
 * calls per job against the fewest possible, and the latency from the vendor finishing a job to its file being
 * delivered, with status found by polling and, where the bridge has it, by push.
 */
final class DataDownloadScenario {

    static final String SAMPLE = "aliyun-download-product-info.json";
    static final String POLL_ROW = BenchSettings.ALIYUN_DOWNLOAD + " (poll)";
    static final String PUSH_ROW = BenchSettings.ALIYUN_DOWNLOAD + " (push)";
    /** The sandbox's default timeline of a download job: Status -1, then 3, then 0, then 1. */
    private static final Duration INITIALIZING = Duration.ofMillis(500);
    private static final Duration QUEUED = Duration.ofMillis(500);
    private static final Duration RUNNING = Duration.ofMillis(1_500);
    static final String TIMELINE = "vendor timeline " + INITIALIZING.toMillis() + "+" + QUEUED.toMillis() + "+"
            + RUNNING.toMillis() + " ms";
    private static final List<String> APIS = List.of("CreateDownloadDataJob", "GetDownloadFile");
    /** Per job at best: its create, one status check after it finished, and one more for the fresh CsvUrl. */
    private static final double MIN_CALLS_PER_JOB = 3;

    private DataDownloadScenario() {
    }

    /** Status by polling only: the sandbox pushes nothing. */
    static ResultRow runPolling(BenchSettings settings) throws Exception {
        try (BridgeRun run = BridgeRun.start(BenchSettings.ALIYUN_DOWNLOAD, properties(settings, false))) {
            return measure(POLL_ROW, settings, run);
        }
    }

    /**
     * Status by push: the sandbox pushes each download job's status over AMQP and the bridge subscribes (in sandbox
     * mode its default account gets the sandbox's push settings by itself). This is the place push mode hooks in:
     * until the bridge has the push machinery, the row says so instead of measuring polling twice.
     */
    static ResultRow runPushed(BenchSettings settings) throws Exception {
        try (BridgeRun run = BridgeRun.start(BenchSettings.ALIYUN_DOWNLOAD + "-push", properties(settings, true))) {
            if (!run.hasPush()) {
                return ResultRow.unavailable(PUSH_ROW, "n/a (push not available)");
            }
            return measure(PUSH_ROW, settings, run);
        }
    }

    private static Map<String, String> properties(BenchSettings settings, boolean push) {
        Map<String, String> props = new LinkedHashMap<>(settings.engineProperties());
        props.put("bridge.sandbox.aliyun.initializing-ms", String.valueOf(INITIALIZING.toMillis()));
        props.put("bridge.sandbox.aliyun.queued-ms", String.valueOf(QUEUED.toMillis()));
        props.put("bridge.sandbox.aliyun.running-ms", String.valueOf(RUNNING.toMillis()));
        props.put("bridge.sandbox.push.enabled", String.valueOf(push));
        return props;
    }

    private static ResultRow measure(String rowName, BenchSettings settings, BridgeRun run) throws Exception {
        List<RequestFiles.Request> requests = RequestFiles.copies(SAMPLE, "download", settings.downloads(),
                (k, doc) -> doc.with("params").with("FileConfig").put("fileName", String.format("bench_%03d", k)));
        run.drop(requests);
        Outcomes outcomes = run.await(RequestFiles.ids(requests), settings.timeout());
        SandboxStats stats = run.stats();
        long heap = HeapPeak.bytes();
        // asked only now, after the stats were read, so these calls are not counted as the bridge's
        List<Duration> latencies = latencies(run, outcomes);
        long delivered = outcomes.delivered();
        long calls = APIS.stream().mapToLong(stats::callsOf).sum();
        List<String> notes = new ArrayList<>();
        notes.add("calls: " + APIS.stream().map(api -> api + " " + stats.callsOf(api)).toList());
        Findings.addRejectionsAndProblems(notes, stats, outcomes);
        ResultRow row = ResultRow.measured(rowName, outcomes, stats, heap, notes)
                .withCalls(delivered == 0 ? Double.NaN : calls / (double) delivered, MIN_CALLS_PER_JOB);
        if (latencies.isEmpty()) {
            return row;
        }
        Spread spread = Spread.of(latencies);
        // each delivered job asks GetDownloadFile once for its URL; every other call was a status check
        double polls = (stats.callsOf("GetDownloadFile") - delivered) / (double) delivered;
        return row.withLatency(Duration.ofMillis(spread.mean()), Duration.ofMillis(spread.max()), polls);
    }

    /** Vendor completion to delivered file, per delivered job. */
    private static List<Duration> latencies(BridgeRun run, Outcomes outcomes) throws Exception {
        try (CamelHttpTransport http = new CamelHttpTransport(run.bridge().context(), Duration.ofSeconds(10),
                Duration.ofSeconds(10))) {
            AliyunClient vendor = vendorClient(run, http);
            List<Duration> latencies = new ArrayList<>();
            for (JobOutcome job : outcomes.deliveredJobs()) {
                Optional<Instant> delivered = job.firstFileAt();
                if (delivered.isPresent()) {
                    latencies.add(Duration.between(vendorFinishedAt(vendor, job), delivered.get()));
                }
            }
            return latencies;
        }
    }

    /**
     * When the vendor says the job finished: GetDownloadFile's {@code Data.EndTime}, the task's own end (the sandbox
     * gives its creation plus its timeline, the instant its Status turns 1).
     */
    private static Instant vendorFinishedAt(AliyunClient vendor, JobOutcome job) throws Exception {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("LongJobId", TextNode.valueOf(job.job().vendorJobId()));
        JsonNode instance = RequestFiles.readTree(job.job().requestJson()).get("IotInstanceId");
        if (instance != null) {
            params.put("IotInstanceId", instance);
        }
        JsonNode end = vendor.call(AliyunOperations.GET_DOWNLOAD_FILE, params).path("Data").path("EndTime");
        if (!end.canConvertToLong()) {
            throw new IllegalStateException("GetDownloadFile gave no EndTime for finished job " + job.requestId());
        }
        return Instant.ofEpochMilli(end.longValue());
    }

    /** A client of its own for the sandbox's default account, with a call budget of its own. */
    private static AliyunClient vendorClient(BridgeRun run, CamelHttpTransport http) {
        AliyunAccount account = run.bridge().context().getRegistry()
                .lookupByNameAndType("sandboxLink", SandboxLink.class).aliyunAccount().orElseThrow();
        CallBudget budget = new CallBudget(AliyunOperations.QPS, AliyunOperations.DEFAULT_QPS, Duration.ofSeconds(10),
                Clock.systemUTC());
        return new AliyunClient(account, http, budget, Clock.systemUTC());
    }
}
