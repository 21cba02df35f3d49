package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.ApiRateLimits;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.SeededDistributeJobs;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.StatusSweep;
import io.iotjobbridge.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Watching the sandbox's seeded distribution jobs: each Status, the result file, and each way the watch fails
 * (unknown job, throttling, an account outside cn-shanghai, a gateway that does not serve the APIs).
 */
class DistributeJobFlowTest {

    private static final Duration RUNNING = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private final FlowFixture fixture = new FlowFixture();
    private VendorSandbox sandbox;

    @AfterEach
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        fixture.close();
    }

    private void startSandbox(String regionId, ApiRateLimits limits) {
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults.withCredential(FlowFixture.AK, FlowFixture.SECRET)
                .withDeviceJobs(defaults.deviceJobs().withDistributeRunningFor(RUNNING).withRegionId(regionId)
                        .withRateLimits(limits)), clock);
    }

    private void startSandbox() {
        startSandbox("cn-shanghai", ApiRateLimits.documented());
    }

    private DistributeJobFlow flow(String accountRegion) {
        return new DistributeJobFlow(fixture.client(sandbox.baseUrl(), accountRegion, clock, fixture.http()),
                JobFlows::params, sweep());
    }

    private DistributeJobFlow scripted(ScriptedTransport vendor) {
        return new DistributeJobFlow(fixture.client(URI.create("http://127.0.0.1:1"), "cn-shanghai", clock, vendor),
                JobFlows::params, sweep());
    }

    /** As the bridge keeps one per account: a listing answers for 1 s. */
    private StatusSweep<JobStatus> sweep() {
        return new StatusSweep<>(Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
    }

    /** A ListDeviceDistributeJob answer with these {@code JobId}/{@code Status} rows. */
    private static String listPage(String... idAndStatus) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < idAndStatus.length; i += 2) {
            items.append(items.isEmpty() ? "" : ", ").append("{\"JobId\": \"").append(idAndStatus[i])
                    .append("\", \"Status\": ").append(idAndStatus[i + 1]).append("}");
        }
        return "{\"Success\": true, \"Data\": {\"Total\": " + idAndStatus.length / 2
                + ", \"JobInfo\": {\"items\": [" + items + "]}}}";
    }

    private static JobRecord request(String jobId) {
        return FlowFixture.job("QueryDeviceDistributeJob", "{\"JobId\": \"" + jobId + "\"}", null);
    }

    private static JobRecord watching(String jobId) {
        return FlowFixture.job("QueryDeviceDistributeJob", "{\"JobId\": \"" + jobId + "\"}", jobId);
    }

    @Test
    void shouldWatchARunningJobUntilItFinishesAndThenDeliverItsResult() throws Exception {
        startSandbox();
        DistributeJobFlow flow = flow("cn-shanghai");

        String watched = flow.submit(request(SeededDistributeJobs.SEEDED_RUNNING));

        assertThat(watched).isEqualTo(SeededDistributeJobs.SEEDED_RUNNING);
        assertThat(flow.check(watching(watched))).isEqualTo(new JobStatus.Running("1 (running)", null));
        clock.advance(RUNNING);
        assertThat(flow.check(watching(watched))).isEqualTo(new JobStatus.Succeeded("2 (finished)"));
        List<ResultFile> files = flow.resultFiles(watching(watched));
        assertThat(files).extracting(ResultFile::fileName)
                .containsExactly("distribution-" + SeededDistributeJobs.SEEDED_RUNNING + ".csv");
        List<String> lines = read(files.get(0)).lines().toList();
        assertThat(lines.get(0)).isEqualTo("ProductKey,DeviceName,TargetInstanceId,Result,Message");
        assertThat(lines).hasSize(1 + 5);
    }

    @Test
    void shouldDeliverTheResultOfAnAbortedJobBecauseItSaysWhichDevicesFailed() throws Exception {
        startSandbox();
        DistributeJobFlow flow = flow("cn-shanghai");

        JobStatus status = flow.check(watching(SeededDistributeJobs.SEEDED_ABORTED));
        List<ResultFile> files = flow.resultFiles(watching(SeededDistributeJobs.SEEDED_ABORTED));

        assertThat(status).isEqualTo(new JobStatus.Succeeded("3 (aborted abnormally)"));
        assertThat(read(files.get(0)).lines().skip(1)).hasSize(8);
    }

    @Test
    void shouldTakeAFinishedJobAsFinished() throws Exception {
        startSandbox();

        assertThat(flow("cn-shanghai").check(watching(SeededDistributeJobs.SEEDED_FINISHED)))
                .isEqualTo(new JobStatus.Succeeded("2 (finished)"));
    }

    @Test
    void shouldMapEveryDocumentedStatusAndFailOnAnUndocumentedOne() {
        assertThat(DistributeJobFlow.interpret(0)).isEqualTo(new JobStatus.Running("0 (initializing)", null));
        assertThat(DistributeJobFlow.interpret(1)).isEqualTo(new JobStatus.Running("1 (running)", null));
        assertThat(DistributeJobFlow.interpret(2)).isEqualTo(new JobStatus.Succeeded("2 (finished)"));
        assertThat(DistributeJobFlow.interpret(3)).isEqualTo(new JobStatus.Succeeded("3 (aborted abnormally)"));
        assertThat(DistributeJobFlow.interpret(7)).isEqualTo(new JobStatus.Failed("7 (unknown)",
                "the vendor reported an undocumented distribution Status 7"));
    }

    @Test
    void shouldReadAStatusTheVendorQuotesAsText() throws Exception {
        DistributeJobFlow flow = scripted(new ScriptedTransport()
                .then("ListDeviceDistributeJob", listPage("J1", "\"1\""))
                .then("ListDeviceDistributeJob", listPage())
                .then("QueryDeviceDistributeJob", "{\"Success\": \"true\", \"Data\": {\"JobId\": \"J2\", \"Status\": \"2\"}}"));

        assertThat(flow.check(watching("J1"))).isEqualTo(new JobStatus.Running("1 (running)", null));
        clock.advance(Duration.ofSeconds(1));
        assertThat(flow.check(watching("J2"))).isEqualTo(new JobStatus.Succeeded("2 (finished)"));
    }

    @Test
    void shouldCheckEveryWatchedJobOfTheAccountWithOneListCall() throws Exception {
        startSandbox();
        DistributeJobFlow flow = flow("cn-shanghai");

        List<JobStatus> statuses = List.of(flow.check(watching(SeededDistributeJobs.SEEDED_RUNNING)),
                flow.check(watching(SeededDistributeJobs.SEEDED_FINISHED)),
                flow.check(watching(SeededDistributeJobs.SEEDED_ABORTED)));

        assertThat(statuses).containsExactly(new JobStatus.Running("1 (running)", null),
                new JobStatus.Succeeded("2 (finished)"), new JobStatus.Succeeded("3 (aborted abnormally)"));
        assertThat(sandbox.stats().callsOf("ListDeviceDistributeJob")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("QueryDeviceDistributeJob")).isZero();
    }

    @Test
    void shouldAskForAJobOlderThanTheListedPageByItself() throws Exception {
        ScriptedTransport vendor = new ScriptedTransport()
                .then("ListDeviceDistributeJob", listPage("Newer1", "1", "Newer2", "2"))
                .then("QueryDeviceDistributeJob", "{\"Success\": true, \"Data\": {\"JobId\": \"Old\", \"Status\": 3}}");
        DistributeJobFlow flow = scripted(vendor);

        assertThat(flow.check(watching("Old"))).isEqualTo(new JobStatus.Succeeded("3 (aborted abnormally)"));
        assertThat(flow.check(watching("Newer2"))).as("the page read for the old job answers for the newer ones")
                .isEqualTo(new JobStatus.Succeeded("2 (finished)"));
        assertThat(vendor.calls()).hasSize(2);
        assertThat(vendor.calls().get(0).rawQuery()).contains("PageSize=200");
    }

    @Test
    void shouldQueryEachJobWhenTheAccountMayNotListThem() throws Exception {
        ScriptedTransport vendor = new ScriptedTransport()
                .then("ListDeviceDistributeJob", 403, """
                        {"RequestId": "r", "Code": "iot.common.RamActionPermissionDeny", "Message": "denied"}""")
                .then("QueryDeviceDistributeJob", "{\"Success\": true, \"Data\": {\"JobId\": \"J1\", \"Status\": 0}}");

        assertThat(scripted(vendor).check(watching("J1"))).isEqualTo(new JobStatus.Running("0 (initializing)", null));
    }

    @Test
    void shouldFailForGoodOnAnUnknownJobWithTheVendorsCodeAndMessage() {
        startSandbox();

        VendorException unknown = catchThrowableOfType(VendorException.class,
                () -> flow("cn-shanghai").submit(request("UbmsNoSuchJob0000000010001")));

        assertThat(unknown.kind()).isEqualTo(VendorException.Kind.PERMANENT);
        assertThat(unknown.getMessage()).isEqualTo("iot.system.IllegalRequest: The specified distribution job does"
                + " not exist: UbmsNoSuchJob0000000010001");
    }

    @Test
    void shouldRetryWhenTheGatewayThrottlesAndPauseTheActionForEveryJobOfTheAccount() {
        startSandbox("cn-shanghai", ApiRateLimits.documented().with("QueryDeviceDistributeJob", 0));
        DistributeJobFlow flow = flow("cn-shanghai");

        VendorException throttled = catchThrowableOfType(VendorException.class,
                () -> flow.submit(request(SeededDistributeJobs.SEEDED_RUNNING)));
        VendorException paused = catchThrowableOfType(VendorException.class,
                () -> flow.submit(request(SeededDistributeJobs.SEEDED_FINISHED)));

        assertThat(throttled.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(throttled.code()).isEqualTo("Throttling.User");
        assertThat(throttled.notBefore()).contains(clock.instant().plusSeconds(1));
        assertThat(paused.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(paused.code()).isEqualTo("ApiPaused");
        assertThat(paused.notBefore()).isEqualTo(throttled.notBefore());
        assertThat(sandbox.stats().callsOf("QueryDeviceDistributeJob")).as("the paused call never left").isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAccountOutsideShanghaiBeforeAnyCall() {
        startSandbox();
        DistributeJobFlow flow = flow("cn-hangzhou");

        List<VendorException> refusals = List.of(
                catchThrowableOfType(VendorException.class, () -> flow.submit(request(SeededDistributeJobs.SEEDED_RUNNING))),
                catchThrowableOfType(VendorException.class, () -> flow.check(watching(SeededDistributeJobs.SEEDED_RUNNING))),
                catchThrowableOfType(VendorException.class,
                        () -> flow.resultFiles(watching(SeededDistributeJobs.SEEDED_FINISHED))));

        assertThat(refusals).allSatisfy(refused -> {
            assertThat(refused.kind()).isEqualTo(VendorException.Kind.PERMANENT);
            assertThat(refused.getMessage()).isEqualTo("RegionNotSupported: account 'default' is in region"
                    + " cn-hangzhou, but the device distribution APIs exist only in cn-shanghai"
                    + " (iot.cn-shanghai.aliyuncs.com)");
        });
        assertThat(sandbox.stats().calls()).as("nothing reached the vendor").isEmpty();
    }

    @Test
    void shouldFailForGoodWhenTheEndpointDoesNotServeTheApis() {
        // an account that claims cn-shanghai but points at another region's endpoint
        startSandbox("cn-beijing", ApiRateLimits.documented());

        VendorException missing = catchThrowableOfType(VendorException.class,
                () -> flow("cn-shanghai").submit(request(SeededDistributeJobs.SEEDED_RUNNING)));

        assertThat(missing.kind()).isEqualTo(VendorException.Kind.PERMANENT);
        assertThat(missing.code()).isEqualTo("InvalidApi.NotFound");
    }

    private static String read(ResultFile file) throws Exception {
        try (ResultContent content = file.open(); InputStream in = content.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
