package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.CsvDigests;
import io.iotjobbridge.sandbox.SandboxStats;
import io.iotjobbridge.sandbox.SyntheticCsv;
import io.iotjobbridge.sandbox.fault.FaultHandout;
import io.iotjobbridge.testing.Guarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole application against vendor faults injected into its embedded sandbox (scenarios R6 to R9). */
class VendorFaultsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String REQUEST_ID = "product-info-2022-07-20";
    private static final String CREATE = "CreateDownloadDataJob";
    private static final String GET_FILE = "GetDownloadFile";
    private static final long RETRY_INITIAL_MS = 200;
    // the engine takes up to 10% off every delay so jobs do not move in lock-step
    private static final double JITTER_FLOOR = 0.9;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    @Guarantee(id = "R6", injection = "CreateDownloadDataJob answers HTTP 503, 500, 503, then OK",
            expected = "retried with exponential backoff; delivered; vendor calls <= bridge.engine.max-attempts")
    void shouldRetryVendor5xxWithBackoffThenDeliver() throws Exception {
        int maxAttempts = 5;
        start(Map.of("bridge.sandbox.faults.aliyun.CreateDownloadDataJob", "503,500,503,ok",
                "bridge.engine.max-attempts", String.valueOf(maxAttempts)));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        SandboxStats stats = bridge.sandbox().stats();
        assertThat(stats.callsOf(CREATE)).isEqualTo(4).isLessThanOrEqualTo(maxAttempts);
        assertThat(stats.faultsOf("aliyun.CreateDownloadDataJob:503")).isEqualTo(2);
        assertThat(stats.faultsOf("aliyun.CreateDownloadDataJob:500")).isEqualTo(1);
        assertThat(stats.rejectionsOf("ServiceUnavailable")).isEqualTo(2);
        assertThat(stats.rejectionsOf("InternalError")).isEqualTo(1);
        List<Duration> gaps = gaps(bridge.sandbox().faults().handouts("aliyun.CreateDownloadDataJob"));
        assertThat(gaps).hasSize(2);
        // retry n waits retry-initial * 2^(n-1), less jitter
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(floor(RETRY_INITIAL_MS));
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(floor(RETRY_INITIAL_MS * 2));
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R7", injection = "GetDownloadFile answers Throttling.User three times",
            expected = "the API is paused and the job waits (1 s, then 2 s); not failed early; no extra calls")
    void shouldWaitOutThrottlingWithoutFailingTheJob() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.GetDownloadFile", "throttle*3"));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        SandboxStats stats = bridge.sandbox().stats();
        assertThat(stats.rejectionsOf("Throttling.User")).isEqualTo(3);
        // three refused checks, the check that sees the job done, the call for its URL: nothing more
        assertThat(stats.callsOf(GET_FILE)).isEqualTo(5);
        List<Duration> gaps = gaps(bridge.sandbox().faults().handouts("aliyun.GetDownloadFile"));
        assertThat(gaps.get(0)).as("the pause after the first throttling").isGreaterThanOrEqualTo(
                Duration.ofSeconds(1));
        assertThat(gaps.get(1)).as("the pause doubles when throttled again").isGreaterThanOrEqualTo(
                Duration.ofSeconds(2));
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R6", injection = "CreateDownloadDataJob answers Success=false iot.dap.insight.noAuthorization",
            expected = "not retried; job FAILED with the vendor's code and message")
    void shouldFailAtOnceWithTheVendorsCodeAndMessageOnAPermanentError() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.CreateDownloadDataJob", "error:iot.dap.insight.noAuthorization"));

        JobRecord job = dropAndAwait(JobState.FAILED);

        assertThat(job.reason()).contains("iot.dap.insight.noAuthorization").contains("no authorization.");
        assertThat(bridge.sandbox().stats().callsOf(CREATE)).isEqualTo(1);
        assertThat(bridge.ledger().files(job.id())).isEmpty();
    }

    @Test
    @Guarantee(id = "R6", injection = "CreateDownloadDataJob answers Success=false iot.dap.insight.serverError twice",
            expected = "the retryable code is retried; delivered")
    void shouldRetryARetryableVendorCodeThenDeliver() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.CreateDownloadDataJob", "error:iot.dap.insight.serverError*2"));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        assertThat(bridge.sandbox().stats().callsOf(CREATE)).isEqualTo(3);
        assertThat(bridge.sandbox().stats().rejectionsOf("iot.dap.insight.serverError")).isEqualTo(2);
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R8", injection = "GetDownloadFile answers HTTP 200 with a body that is not JSON, every time",
            expected = "retried max-attempts times, then FAILED with a reason naming the malformed response")
    void shouldFailAfterTheConfiguredAttemptsWhenAnswersStayMalformed() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.GetDownloadFile", "malformed*50",
                "bridge.engine.max-attempts", "3"));

        JobRecord job = dropAndAwait(JobState.FAILED);

        assertThat(job.reason()).contains("gave up after 3 attempts").contains("MalformedResponse")
                .contains("GetDownloadFile");
        assertThat(bridge.sandbox().stats().callsOf(GET_FILE)).isEqualTo(3);
    }

    @Test
    @Guarantee(id = "R8", injection = "GetDownloadFile answers truncated JSON, then resets the connection, then"
            + " malformed JSON", expected = "each is retried; delivered whole")
    void shouldRecoverFromTruncatedAnswersAndResetConnections() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.GetDownloadFile", "truncated,reset,malformed"));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        SandboxStats stats = bridge.sandbox().stats();
        assertThat(stats.faultsOf("aliyun.GetDownloadFile:truncated")).isEqualTo(1);
        assertThat(stats.faultsOf("aliyun.GetDownloadFile:reset")).isEqualTo(1);
        assertThat(stats.faultsOf("aliyun.GetDownloadFile:malformed")).isEqualTo(1);
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R9", injection = "the CSV download sends half its body, then stalls",
            expected = "read timeout; retried with a fresh URL; delivered whole (size and sha256 as recorded)")
    void shouldTimeOutAStalledDownloadAndDeliverItWholeFromAFreshUrl() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.CsvDownload", "stall",
                "bridge.sandbox.faults.stall-ms", "60000",
                "bridge.sandbox.aliyun.csv-bytes", String.valueOf(1024 * 1024),
                "bridge.http.read-timeout-ms", "1000"));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        SandboxStats stats = bridge.sandbox().stats();
        assertThat(stats.faultsOf("aliyun.CsvDownload:stall")).isEqualTo(1);
        assertThat(stats.downloads()).as("the stalled fetch and the one after it").isEqualTo(2);
        // the status check, then one URL per download attempt: the stalled one and the fresh one
        assertThat(stats.callsOf(GET_FILE)).isGreaterThanOrEqualTo(3);
        assertThat(bridge.ledger().files(job.id()).get(0).sizeBytes()).isEqualTo(1024 * 1024);
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R9", injection = "the signed CsvUrl is already expired when fetched (OSS 403 AccessDenied)",
            expected = "a fresh URL is asked for; delivered whole")
    void shouldFetchAFreshUrlWhenTheSignedUrlHasExpired() throws Exception {
        start(Map.of("bridge.sandbox.faults.aliyun.CsvDownload", "expire-url"));

        JobRecord job = dropAndAwait(JobState.DELIVERED);

        SandboxStats stats = bridge.sandbox().stats();
        assertThat(stats.rejectionsOf("AccessDenied")).isEqualTo(1);
        assertThat(stats.callsOf(GET_FILE)).isGreaterThanOrEqualTo(3);
        assertDeliveredWhole(job);
    }

    @Test
    @Guarantee(id = "R9", injection = "GetDownloadFile reports the job running for ever",
            expected = "FAILED at bridge.engine.job-timeout-ms with a clear reason; status calls bounded by pacing")
    void shouldFailANeverFinishingJobAtTheTimeoutWithoutSpinning() throws Exception {
        // gaps that grow fast against a timeout long enough that polling at every engine tick would show
        long timeoutMs = 6_000;
        long pollInitialMs = 100;
        long pollMaxMs = 3_000;
        double multiplier = 2;
        start(Map.of("bridge.sandbox.faults.aliyun.GetDownloadFile", "never-finish",
                "bridge.engine.job-timeout-ms", String.valueOf(timeoutMs),
                "bridge.engine.poll-initial-ms", String.valueOf(pollInitialMs),
                "bridge.engine.poll-max-ms", String.valueOf(pollMaxMs),
                "bridge.engine.poll-multiplier", String.valueOf(multiplier)));

        JobRecord job = dropAndAwait(JobState.FAILED);

        assertThat(job.reason()).contains("timed out").contains("last vendor status 0 (running)");
        assertThat(bridge.sandbox().stats().callsOf(GET_FILE))
                .isLessThanOrEqualTo(mostStatusChecks(timeoutMs, pollInitialMs, pollMaxMs, multiplier));
    }

    /**
     * The most status checks pacing allows within the timeout: checks at a job's age a, the next after
     * a * (multiplier - 1) clamped to [initial, max], each less at most the jitter, the first at poll-initial.
     */
    private static long mostStatusChecks(long timeoutMs, long initialMs, long maxMs, double multiplier) {
        double age = initialMs;
        long checks = 0;
        while (age <= timeoutMs) {
            checks++;
            double gap = Math.min(Math.max(age * (multiplier - 1), initialMs), maxMs);
            age += gap * JITTER_FLOOR;
        }
        return checks;
    }

    private void start(Map<String, String> overrides) throws Exception {
        Map<String, String> props = new HashMap<>(overrides);
        // polling alone paces status checks here, so their count is the engine's doing, not the push's
        props.putIfAbsent("bridge.sandbox.push.enabled", "false");
        props.putIfAbsent("bridge.engine.retry-initial-ms", String.valueOf(RETRY_INITIAL_MS));
        props.putIfAbsent("bridge.engine.retry-max-ms", "2000");
        bridge = bridges.start(dataDir, props);
    }

    private JobRecord dropAndAwait(JobState state) throws Exception {
        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(REQUEST_ID)
                .map(j -> j.state().isTerminal()).orElse(false));
        JobRecord job = bridge.job(REQUEST_ID);
        assertThat(job.state()).as("job ended %s: %s", job.state(), job.reason()).isEqualTo(state);
        return job;
    }

    private void assertDeliveredWhole(JobRecord job) throws Exception {
        List<DeliveredFile> files = bridge.ledger().files(job.id());
        assertThat(files).hasSize(1);
        DeliveredFile file = files.get(0);
        Path delivered = bridge.outbox().resolve(file.name());
        assertThat(Files.size(delivered)).isEqualTo(file.sizeBytes()).isPositive();
        assertThat(CsvDigests.sha256(Files.newInputStream(delivered))).isEqualTo(file.sha256())
                .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(job.vendorJobId(), file.sizeBytes())));
    }

    private static List<Duration> gaps(List<FaultHandout> handouts) {
        return java.util.stream.IntStream.range(1, handouts.size())
                .mapToObj(i -> Duration.between(handouts.get(i - 1).at(), handouts.get(i).at())).toList();
    }

    private static Duration floor(long millis) {
        return Duration.ofMillis((long) (millis * JITTER_FLOOR));
    }
}
