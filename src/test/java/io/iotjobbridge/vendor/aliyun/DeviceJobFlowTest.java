package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.ApiRateLimits;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-job flow against the sandbox, moved by its clock: what each Status and set of counts means, paging
 * through every task, and how each kind of vendor error comes out.
 */
class DeviceJobFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(100);
    private static final int FLEET = 120;
    private static final String PRODUCT_JOB = """
            {"JobName": "lights_off", "JobDocument": {"serviceIdentifier": "off", "params": {}},
             "Type": "INVOKE_SERVICE", "TargetConfig": {"targetType": "PRODUCT_KEY", "targetProduct": "a1LightProd"}}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private final FlowFixture fixture = new FlowFixture();
    private VendorSandbox sandbox;

    @TempDir
    Path spoolDir;

    @AfterEach
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        fixture.close();
    }

    /** A sandbox whose limits a frozen clock cannot trip, except where a test lowers one. */
    private VendorSandbox sandbox(ApiRateLimits limits) {
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults.withCredential(FlowFixture.AK, FlowFixture.SECRET)
                .withDeviceJobs(defaults.deviceJobs().withJobRunningFor(RUN).withFleetSize(FLEET)
                        .withRateLimits(limits)), clock);
        return sandbox;
    }

    private static ApiRateLimits unthrottled() {
        ApiRateLimits limits = ApiRateLimits.documented();
        for (String action : List.of("CreateJob", "QueryJob", "QueryJobStatistics", "ListTask", "CancelJob")) {
            limits = limits.with(action, 100_000);
        }
        return limits;
    }

    private AliyunClient client() {
        return fixture.client(sandbox.baseUrl(), clock);
    }

    private DeviceJobFlow flow(AliyunClient client) {
        return new DeviceJobFlow(client, JobFlows::params, new Spool(spoolDir));
    }

    /** Submits {@code params} through the flow and returns the job as the ledger then holds it. */
    private JobRecord submitted(DeviceJobFlow flow, String params) throws VendorException {
        String jobId = flow.submit(FlowFixture.job("CreateJob", params, null));
        return FlowFixture.job("CreateJob", params, jobId);
    }

    @Test
    void shouldCreateTheJobWithItsJsonParametersAndReturnItsJobId() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());

        JobRecord job = submitted(flow, PRODUCT_JOB);

        assertThat(job.vendorJobId()).matches("[0-9A-Za-z]{20}010001");
        JsonNode described = client().call(AliyunOperations.QUERY_JOB, Map.of("JobId",
                TextNode.valueOf(job.vendorJobId()))).path("Data");
        assertThat(described.path("JobName").asText()).isEqualTo("lights_off");
        assertThat(described.path("TargetConfig").path("TargetProduct").asText()).isEqualTo("a1LightProd");
        assertThat(JSON.readTree(described.path("JobDocument").asText()).path("serviceIdentifier").asText())
                .isEqualTo("off");
        assertThat(sandbox.stats().callsOf("CreateJob")).isEqualTo(1);
    }

    @Test
    void shouldReportFinishedTasksOverTotalAsProgressUntilCompleted() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow, PRODUCT_JOB);

        assertThat(flow.check(job)).isEqualTo(new JobStatus.Running("IN_PROGRESS: 0 of " + FLEET + " tasks final", 0));
        clock.advance(RUN.dividedBy(2));
        JsonNode counts = client().call(AliyunOperations.QUERY_JOB_STATISTICS, Map.of("JobId",
                TextNode.valueOf(job.vendorJobId()))).path("Data");
        int finished = counts.path("Succeeded").asInt() + counts.path("Failed").asInt()
                + counts.path("Rejected").asInt() + counts.path("TimeOut").asInt() + counts.path("Cancelled").asInt();
        JobStatus halfway = flow.check(job);
        assertThat(((JobStatus.Running) halfway).vendorStatus())
                .startsWith("IN_PROGRESS: " + finished + " of " + FLEET + " tasks final");
        assertThat(((JobStatus.Running) halfway).progress()).isEqualTo(finished * 100 / FLEET);
        assertThat(((JobStatus.Running) halfway).progress()).isBetween(1, 99);
        clock.advance(RUN.dividedBy(2));
        assertThat(flow.check(job)).isEqualTo(new JobStatus.Succeeded("COMPLETED"));
    }

    @Test
    void shouldCountTheJobTimeoutFromItsScheduledStartNotItsReceipt() {
        DeviceJobFlow flow = new DeviceJobFlow(null, JobFlows::params, new Spool(spoolDir));
        JobRecord scheduled = FlowFixture.job("CreateJob", "{\"ScheduledTime\":1741000000000}", null);
        JobRecord immediate = FlowFixture.job("CreateJob", "{}", null);

        assertThat(flow.startsAt(scheduled)).isEqualTo(java.time.Instant.ofEpochMilli(1741000000000L));
        assertThat(flow.startsAt(immediate)).isEqualTo(immediate.createdAt());
    }

    @Test
    void shouldKeepAScheduledJobRunningUntilItStarts() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        long inAnHour = clock.instant().plus(Duration.ofHours(1)).toEpochMilli();
        JobRecord job = submitted(flow,
                PRODUCT_JOB.replace("\"Type\"", "\"ScheduledTime\": " + inAnHour + ", \"Type\""));

        assertThat(flow.check(job)).isEqualTo(new JobStatus.Running("WAITING: 0 of " + FLEET + " tasks final", 0));
        clock.advance(Duration.ofHours(1));
        assertThat(flow.check(job)).isEqualTo(new JobStatus.Running("IN_PROGRESS: 0 of " + FLEET + " tasks final", 0));
    }

    @Test
    void shouldPageThroughEveryTaskIntoTheReportAndSummary() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow, PRODUCT_JOB);
        clock.advance(RUN);

        List<ResultFile> files = flow.resultFiles(job);

        assertThat(files).extracting(ResultFile::fileName).containsExactly("tasks.jsonl", "tasks.csv", "summary.json");
        assertThat(sandbox.stats().callsOf("ListTask")).as("pages of 50, 50 and 20").isEqualTo(3);
        List<JsonNode> rows = read(files.get(0)).lines().map(DeviceJobFlowTest::parse).toList();
        assertThat(rows).hasSize(FLEET);
        assertThat(rows.stream().map(r -> r.path("TaskId").asText()).distinct()).hasSize(FLEET);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.path("ProductKey").asText()).isEqualTo("a1LightProd");
            assertThat(row.path("IotId").asText()).endsWith("00100");
            assertThat(row.path("Status").asText()).isIn("SUCCEEDED", "FAILED", "TIMED_OUT");
        });
        List<String> csv = read(files.get(1)).lines().toList();
        assertThat(csv).hasSize(FLEET + 1);
        assertThat(csv.get(0)).isEqualTo("TaskId,ProductKey,DeviceName,IotId,Status,Progress,UtcQueueTime,UtcModified");

        JsonNode summary = parse(read(files.get(2)));
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(r -> r.path("Status").asText(),
                Collectors.counting()));
        assertThat(summary.path("jobId").asText()).isEqualTo(job.vendorJobId());
        assertThat(summary.path("vendorStatus").asText()).isEqualTo("COMPLETED");
        assertThat(summary.path("rows").asLong()).isEqualTo(FLEET);
        assertThat(summary.path("statistics").path("Total").asInt()).isEqualTo(FLEET);
        assertThat(JSON.convertValue(summary.path("tasksByStatus"), Map.class)).isEqualTo(
                byStatus.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())));
        assertThat(summary.path("tasksByStatus").path("FAILED").asLong())
                .isEqualTo(summary.path("statistics").path("Failed").asLong());
        assertThat(summary.has("note")).isFalse();
    }

    @Test
    void shouldListTheDevicesOfADeviceListJob() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow, """
                {"JobName": "two_lamps", "JobDocument": {"params": {"on": 1}}, "Type": "SET_PROPERTY",
                 "TargetConfig": {"targetType": "DEVICE_LIST", "targetDevices": [
                   {"ProductKey": "a1Lamp", "DeviceName": "hall"}, {"ProductKey": "a1Lamp", "DeviceName": "porch"}]}}""");
        clock.advance(RUN);

        List<ResultFile> files = flow.resultFiles(job);

        assertThat(read(files.get(0)).lines().map(DeviceJobFlowTest::parse).map(r -> r.path("DeviceName").asText()))
                .containsExactlyInAnyOrder("hall", "porch");
        assertThat(sandbox.stats().callsOf("ListTask")).isEqualTo(1);
    }

    @Test
    void shouldDeliverTheReportOfACancelledJob() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow, PRODUCT_JOB);
        clock.advance(RUN.dividedBy(4));
        client().call(AliyunOperations.CANCEL_JOB, Map.of("JobId", TextNode.valueOf(job.vendorJobId())));

        clock.advance(Duration.ofSeconds(1));
        assertThat(flow.check(job)).isEqualTo(new JobStatus.Succeeded("CANCELLED"));
        List<ResultFile> files = flow.resultFiles(job);

        JsonNode summary = parse(read(files.get(2)));
        assertThat(summary.path("vendorStatus").asText()).isEqualTo("CANCELLED");
        assertThat(summary.path("tasksByStatus").path("CANCELLED").asLong()).isPositive()
                .isEqualTo(summary.path("statistics").path("Cancelled").asLong());
        assertThat(summary.path("rows").asLong()).isEqualTo(FLEET);
    }

    @Test
    void shouldSendTheInstanceIdWithEveryCallBecauseTheJobLivesInThatInstance() throws Exception {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow,
                PRODUCT_JOB.replace("{\"JobName\"", "{\"IotInstanceId\": \"iot-cn-flow01\", \"JobName\""));
        clock.advance(RUN);

        assertThat(flow.check(job)).isEqualTo(new JobStatus.Succeeded("COMPLETED"));
        assertThat(flow.resultFiles(job)).hasSize(3);
        VendorException elsewhere = catchThrowableOfType(VendorException.class, () -> flow.check(
                FlowFixture.job("CreateJob", PRODUCT_JOB, job.vendorJobId())));
        assertThat(elsewhere.code()).as("the default instance does not know the job").isEqualTo("iot.system.IllegalRequest");
    }

    @Test
    void shouldRetryWhenTheGatewayThrottles() throws Exception {
        sandbox(unthrottled().with("QueryJob", 0));
        DeviceJobFlow flow = flow(client());
        JobRecord job = submitted(flow, PRODUCT_JOB);

        VendorException throttled = catchThrowableOfType(VendorException.class, () -> flow.check(job));

        assertThat(throttled.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(throttled.code()).isEqualTo("Throttling.User");
    }

    @Test
    void shouldRetryOnASystemException() {
        ScriptedTransport vendor = new ScriptedTransport().then("QueryJob", """
                {"RequestId": "r1", "Success": false, "Code": "iot.system.SystemException", "ErrorMessage": "系统异常"}""");
        DeviceJobFlow flow = flow(fixture.client(URI.create("http://127.0.0.1:1"), "cn-shanghai", clock, vendor));

        VendorException failed = catchThrowableOfType(VendorException.class,
                () -> flow.check(FlowFixture.job("CreateJob", PRODUCT_JOB, "XUbmsMHmkqv0PiAG0000010001")));

        assertThat(failed.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(failed.getMessage()).isEqualTo("iot.system.SystemException: 系统异常");
    }

    @Test
    void shouldFailForGoodOnAnUnknownJobIdWithTheVendorsCodeAndMessage() {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());

        VendorException unknown = catchThrowableOfType(VendorException.class,
                () -> flow.check(FlowFixture.job("CreateJob", PRODUCT_JOB, "XUbmsNoSuchJob00000010001")));

        assertThat(unknown.kind()).isEqualTo(VendorException.Kind.PERMANENT);
        assertThat(unknown.getMessage()).startsWith("iot.system.IllegalRequest: ");
    }

    @Test
    void shouldFailForGoodWhenTheVendorRefusesTheJob() {
        sandbox(unthrottled());
        DeviceJobFlow flow = flow(client());
        // the page allows a device named by IotId alone; the sandbox, which cannot resolve IotIds, refuses it
        String byIotId = PRODUCT_JOB.replace("{\"targetType\": \"PRODUCT_KEY\", \"targetProduct\": \"a1LightProd\"}",
                "{\"targetType\": \"DEVICE_LIST\", \"targetDevices\": [{\"IotId\": \"OPx0000000000000000000100\"}]}");

        VendorException refused = catchThrowableOfType(VendorException.class,
                () -> flow.submit(FlowFixture.job("CreateJob", byIotId, null)));

        assertThat(refused.kind()).isEqualTo(VendorException.Kind.PERMANENT);
        assertThat(refused.code()).isEqualTo("iot.common.InvalidFormattedParameter");
        assertThat(refused.vendorMessage()).contains("targetDevices");
    }

    @Test
    void shouldStartTheReportOverWhenANextTokenHasLapsed() throws Exception {
        sandbox(unthrottled());
        // the second page is asked for a minute and a second after the first: its token has expired by then
        AliyunClient slow = fixture.client(sandbox.baseUrl(), "cn-shanghai", clock,
                FlowFixture.afterEach(fixture.http(), "ListTask", () -> clock.advance(Duration.ofSeconds(61))));
        DeviceJobFlow flow = flow(slow);
        JobRecord job = submitted(flow, PRODUCT_JOB);
        clock.advance(RUN);

        VendorException lapsed = catchThrowableOfType(VendorException.class, () -> flow.resultFiles(job));

        assertThat(lapsed.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(lapsed.code()).isEqualTo("iot.common.InvalidPageParams");
        assertThat(lapsed.vendorMessage()).contains("the task report starts over");
    }

    @Test
    void shouldNoteInTheSummaryWhenTheListingAndTheStatisticsDisagree() throws Exception {
        ScriptedTransport vendor = new ScriptedTransport()
                .then("QueryJob", """
                        {"Success": true, "Data": {"JobId": "J1", "JobName": "lights_off", "Status": "COMPLETED",
                         "Type": "INVOKE_SERVICE"}}""")
                .then("QueryJobStatistics", """
                        {"Success": true, "Data": {"Total": 3, "Succeeded": 2, "inProgress": 0, "Failed": 1}}""")
                .then("ListTask", """
                        {"Success": true, "NextToken": "t1", "Data": {"data": [
                         {"TaskId": "T1", "DeviceName": "a", "Status": "SUCCEEDED", "Progress": "100"}]}}""")
                .then("ListTask", """
                        {"Success": true, "Data": {"data": [
                         {"TaskId": "T2", "DeviceName": "=cmd()", "Status": "FAILED", "Progress": 0}]}}""");
        DeviceJobFlow flow = flow(fixture.client(URI.create("http://127.0.0.1:1"), "cn-shanghai", clock, vendor));

        List<ResultFile> files = flow.resultFiles(FlowFixture.job("CreateJob", PRODUCT_JOB, "J1"));

        JsonNode summary = parse(read(files.get(2)));
        assertThat(summary.path("rows").asLong()).isEqualTo(2);
        assertThat(summary.path("note").asText()).isEqualTo("ListTask listed 2 task(s) but QueryJobStatistics counts"
                + " Total 3; the task files hold what ListTask listed");
        assertThat(summary.path("tasksByStatus").toString()).isEqualTo("{\"FAILED\":1,\"SUCCEEDED\":1}");
        assertThat(vendor.calls()).filteredOn(c -> "ListTask".equals(c.headers().get("x-acs-action")))
                .extracting(c -> c.rawQuery().contains("NextToken=t1")).containsExactly(false, true);
        assertThat(read(files.get(1)).lines().skip(2).findFirst()).as("a formula-looking cell is defused")
                .contains("T2,,'=cmd(),,FAILED,0,,");
    }

    @Test
    void shouldRefuseAListingThatRepeatsItsOwnNextToken() {
        ScriptedTransport vendor = new ScriptedTransport()
                .then("QueryJob", "{\"Success\": true, \"Data\": {\"Status\": \"COMPLETED\"}}")
                .then("QueryJobStatistics", "{\"Success\": true, \"Data\": {\"Total\": 2}}")
                .then("ListTask", "{\"Success\": true, \"NextToken\": \"same\", \"Data\": {\"data\": []}}")
                .then("ListTask", "{\"Success\": true, \"NextToken\": \"same\", \"Data\": {\"data\": []}}");
        DeviceJobFlow flow = flow(fixture.client(URI.create("http://127.0.0.1:1"), "cn-shanghai", clock, vendor));

        VendorException looping = catchThrowableOfType(VendorException.class,
                () -> flow.resultFiles(FlowFixture.job("CreateJob", PRODUCT_JOB, "J1")));

        assertThat(looping.code()).isEqualTo("MalformedResponse");
        assertThat(looping.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
    }

    @Test
    void shouldNotRetryACreateJobThatReturnedNoJobId() {
        ScriptedTransport vendor = new ScriptedTransport().then("CreateJob", "{\"Success\": true}");
        DeviceJobFlow flow = flow(fixture.client(URI.create("http://127.0.0.1:1"), "cn-shanghai", clock, vendor));

        VendorException odd = catchThrowableOfType(VendorException.class,
                () -> flow.submit(FlowFixture.job("CreateJob", PRODUCT_JOB, null)));

        assertThat(odd.kind()).as("a second CreateJob would run the job on every device again")
                .isEqualTo(VendorException.Kind.PERMANENT);
    }

    private static String read(ResultFile file) throws Exception {
        try (ResultContent content = file.open(); InputStream in = content.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
