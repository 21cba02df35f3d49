package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertGatewayError;
import static io.iotjobbridge.sandbox.SandboxAssertions.assertOk;
import static io.iotjobbridge.sandbox.SandboxAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device distribution APIs through hand-signed HTTP: seeded jobs, a created job's Status over time, the signed
 * result link and its expiry, listing, and the refusal of every one of them outside cn-shanghai.
 */
class DeviceDistributionTest {

    private static final Instant START = Instant.parse("2025-03-03T04:00:00Z");
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final String RUNNING = SeededDistributeJobs.SEEDED_RUNNING;
    private static final String FINISHED = SeededDistributeJobs.SEEDED_FINISHED;
    private static final String ABORTED = SeededDistributeJobs.SEEDED_ABORTED;

    private final MutableClock clock = new MutableClock(START);
    private VendorSandbox sandbox;
    private RpcTestClient client;
    private RpcTestClient otherAccount;

    @BeforeEach
    void startSandbox() {
        start("cn-shanghai");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldStartWithASeededRunningFinishedAndAbortedJob() {
        assertThat(query(RUNNING).path("Status").asInt()).isEqualTo(1);
        assertThat(query(FINISHED).path("Status").asInt()).isEqualTo(2);
        assertThat(query(ABORTED).path("Status").asInt()).isEqualTo(3);
        clock.advance(RUN.minusMillis(1));
        assertThat(query(RUNNING).path("Status").asInt()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(query(RUNNING).path("Status").asInt()).isEqualTo(2);

        JsonNode running = query(RUNNING);
        assertThat(running.path("GmtCreate").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(running.path("Total").asInt()).isEqualTo(5);
        assertThat(running.path("TargetInstanceConfigs").path("targetInstanceConfigs").get(0)
                .path("TargetInstanceId").asText()).isEqualTo("iot-cn-sbx0target01");
        // seeded jobs are there for every account
        assertThat(assertOk(otherAccount.call("QueryDeviceDistributeJob", Map.of("JobId", ABORTED)))
                .path("Data").path("Status").asInt()).isEqualTo(3);
    }

    @Test
    void shouldTakeACreatedJobThroughInitializingAndRunningToFinished() {
        String jobId = create(validJob());

        assertThat(query(jobId).path("Status").asInt()).isZero();
        clock.advance(RUN.dividedBy(10));
        assertThat(query(jobId).path("Status").asInt()).isEqualTo(1);
        clock.set(START.plus(RUN));
        assertThat(query(jobId).path("Status").asInt()).isEqualTo(2);
        JsonNode job = query(jobId);
        assertThat(job.path("ProductKey").asText()).isEqualTo("a1DistProd1");
        assertThat(job.path("Total").asInt()).isEqualTo(3);
        assertThat(job.path("SourceInstanceId").asText()).isEqualTo("iot-cn-source01");
        assertThat(job.path("TargetUid").asText()).isEqualTo("1980000000000042");
        assertThat(job.path("Strategy").asInt()).isZero();
    }

    @Test
    void shouldKeepACreatedJobFromOtherAccounts() {
        String jobId = create(validJob());

        assertRefused(otherAccount.call("QueryDeviceDistributeJob", Map.of("JobId", jobId)),
                "iot.system.IllegalRequest", "does not exist");
        assertRefused(client.call("QueryDeviceDistributeJob", Map.of("JobId", "NoSuchJob")),
                "iot.system.IllegalRequest", "does not exist");
    }

    @Test
    void shouldRefuseTheDetailUntilTheJobIsOver() {
        String jobId = create(validJob());

        assertRefused(detail(jobId), "iot.system.IllegalRequest", "INITIALIZING");
        assertRefused(detail(RUNNING), "iot.system.IllegalRequest", "RUNNING");
        clock.advance(RUN);
        assertThat(assertOk(detail(jobId)).path("File").asText()).isNotBlank();
    }

    @Test
    void shouldServeTheResultOfEveryDeviceAtTheDetailLink() {
        String jobId = create(validJob());
        clock.advance(RUN);

        List<String> lines = fetch(assertOk(detail(jobId)).path("File").asText()).body().lines().toList();

        assertThat(lines.get(0)).isEqualTo("ProductKey,DeviceName,TargetInstanceId,Result,Message");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",")[1])
                .containsExactly("meter_01", "meter_02", "meter_03");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("a1DistProd1,")
                && line.contains(",iot-cn-target01,") && (line.contains(",SUCCEEDED,") || line.contains(",FAILED,")));
    }

    @Test
    void shouldReportTheUnreachedHalfOfAnAbortedJobAsFailed() {
        List<String> devices = fetch(assertOk(detail(ABORTED)).path("File").asText()).body().lines().skip(1)
                .toList();

        assertThat(devices).hasSize(8);
        assertThat(devices.subList(4, 8)).allMatch(line -> line.contains(",FAILED,The distribution job was aborted"));
        assertThat(devices.subList(0, 4)).noneMatch(line -> line.contains("aborted"));
    }

    @Test
    void shouldAnswerTheDetailLinkForTenMinutesOnly() {
        String file = assertOk(detail(FINISHED)).path("File").asText();
        assertThat(file).startsWith(sandbox.baseUrl() + "/oss/device-distribute/" + FINISHED + "/");

        clock.advance(Duration.ofMinutes(10));
        assertThat(fetch(file).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = fetch(file);

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "<Message>Request has expired.</Message>");
    }

    @Test
    void shouldTakeTheDetailLinkValidityFromSettings() {
        sandbox.close();
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults.withCredential("test-ak", Secret.of("test-secret"))
                .withDeviceJobs(defaults.deviceJobs().withDistributeUrlValidity(Duration.ofMinutes(1))), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
        String file = assertOk(detail(FINISHED)).path("File").asText();

        clock.advance(Duration.ofSeconds(61));

        assertThat(fetch(file).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseATamperedDetailLink() {
        String file = assertOk(detail(FINISHED)).path("File").asText();
        String otherJob = file.replace(FINISHED, ABORTED);
        int signatureAt = file.indexOf("Signature=") + "Signature=".length();
        String badSignature = file.substring(0, signatureAt) + (file.charAt(signatureAt) == 'A' ? 'B' : 'A')
                + file.substring(signatureAt + 1);
        String unsigned = file.substring(0, file.indexOf('?'));

        HttpResponse<String> bentToOtherJob = fetch(otherJob);
        assertThat(bentToOtherJob.statusCode()).isEqualTo(403);
        assertThat(bentToOtherJob.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(fetch(badSignature).body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(fetch(unsigned).body()).contains("<Code>AccessDenied</Code>");
        assertThat(sandbox.stats().rejectionsOf("SignatureDoesNotMatch")).isEqualTo(2);
    }

    @Test
    void shouldListJobsNewestFirstPageByPage() {
        clock.advance(Duration.ofSeconds(1));
        String created = create(validJob());

        JsonNode first = list(Map.of("PageSize", "3"));
        JsonNode second = list(Map.of("PageSize", "3", "CurrentPage", "2"));
        JsonNode byToken = list(Map.of("PageSize", "3", "NextToken", first.path("NextToken").asText()));

        assertThat(first.path("Total").asInt()).isEqualTo(4);
        assertThat(items(first)).hasSize(3);
        assertThat(items(first).get(0).path("JobId").asText()).isEqualTo(created);
        assertThat(items(second)).hasSize(1);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(items(byToken)).isEqualTo(items(second));
        JsonNode item = items(first).get(0);
        assertThat(item.path("SourceUid").asText()).hasSize(16);
        assertThat(item.path("TargetInstanceConfigs").path("targetInstanceConfigs").get(0)
                .path("TargetInstanceName").asText()).isEqualTo("iot-cn-target01");
    }

    @Test
    void shouldFilterTheListByStatusJobIdTargetUidAndProductKey() {
        create(validJob());

        assertThat(items(list(Map.of("PageSize", "10", "Status", "3")))).extracting(i -> i.path("JobId").asText())
                .containsExactly(ABORTED);
        assertThat(items(list(Map.of("PageSize", "10", "Status", "1")))).extracting(i -> i.path("JobId").asText())
                .containsExactly(RUNNING);
        assertThat(items(list(Map.of("PageSize", "10", "JobId", FINISHED)))).hasSize(1);
        assertThat(items(list(Map.of("PageSize", "10", "TargetUid", "1980000000000042")))).hasSize(1);
        assertThat(items(list(Map.of("PageSize", "10", "ProductKey", "a1DistProd1")))).hasSize(1);
    }

    @Test
    void shouldRefuseBadPagingOfTheList() {
        assertRefused(client.call("ListDeviceDistributeJob", Map.of()), "iot.common.InvalidPageParams", "PageSize");
        assertRefused(client.call("ListDeviceDistributeJob", Map.of("PageSize", "201")),
                "iot.common.InvalidPageParams", "PageSize must be 1 to 200");
        assertRefused(client.call("ListDeviceDistributeJob", Map.of("PageSize", "200", "CurrentPage", "52")),
                "iot.common.InvalidPageParams", "NextToken");
        assertRefused(client.call("ListDeviceDistributeJob", Map.of("PageSize", "1", "NextToken", "forged")),
                "iot.common.InvalidPageParams", "invalid");
        // page 51 of 200 starts at item 10,000, the last offset reachable without a token
        assertThat(items(list(Map.of("PageSize", "200", "CurrentPage", "51")))).isEmpty();
    }

    @Test
    void shouldRefuseADistributionJobThatBreaksItsRules() {
        Map<String, String> sameInstance = validJob();
        sameInstance.put("TargetInstanceConfig.1.TargetInstanceId", "iot-cn-source01");
        assertRefused(client.call("CreateDeviceDistributeJob", sameInstance), "iot.system.InstanceIdSame",
                "same as that of the destination instance");

        Map<String, String> twoTargets = validJob();
        twoTargets.put("TargetInstanceConfig.2.TargetInstanceId", "iot-cn-target02");
        assertRefused(client.call("CreateDeviceDistributeJob", twoTargets), "iot.common.InvalidFormattedParameter",
                "one instance for Strategy 0");

        Map<String, String> noDevices = validJob();
        noDevices.keySet().removeIf(name -> name.startsWith("DeviceName."));
        assertRefused(client.call("CreateDeviceDistributeJob", noDevices), "iot.common.InvalidFormattedParameter",
                "DeviceName must list");

        Map<String, String> noTarget = validJob();
        noTarget.remove("TargetUid");
        assertRefused(client.call("CreateDeviceDistributeJob", noTarget), "iot.common.InvalidFormattedParameter",
                "TargetUid or TargetAliyunId");

        Map<String, String> badStrategy = validJob();
        badStrategy.put("Strategy", "2");
        assertRefused(client.call("CreateDeviceDistributeJob", badStrategy), "iot.common.InvalidFormattedParameter",
                "Strategy must be 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateDeviceDistributeJob", "QueryDeviceDistributeJob", "QueryDeviceDistributeDetail",
            "ListDeviceDistributeJob"})
    void shouldRefuseEveryDistributionApiOutsideShanghaiAsTheGatewayDoes(String action) {
        sandbox.close();
        start("cn-hangzhou");

        HttpResponse<String> response = client.call(action, Map.of("JobId", FINISHED, "PageSize", "10")).response();

        assertGatewayError(response, 404, "InvalidApi.NotFound",
                "Specified api is not found, please check your url and method.");
        assertThat(sandbox.stats().rejectionsOf("InvalidApi.NotFound")).isEqualTo(1);
        // the device-job APIs are served everywhere
        assertThat(client.call("QueryJob", Map.of("JobId", "x")).code()).isEqualTo("iot.system.IllegalRequest");
    }

    private void start(String regionId) {
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults
                .withCredentials(Map.of("test-ak", Secret.of("test-secret"), "other-ak", Secret.of("other-secret")))
                .withDeviceJobs(defaults.deviceJobs().withRegionId(regionId).withDistributeRunningFor(RUN)
                        .withRateLimits(new ApiRateLimits(Map.of()))), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
        otherAccount = new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock);
    }

    private static Map<String, String> validJob() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ProductKey", "a1DistProd1");
        params.put("DeviceName.1", "meter_01");
        params.put("DeviceName.2", "meter_02");
        params.put("DeviceName.3", "meter_03");
        params.put("SourceInstanceId", "iot-cn-source01");
        params.put("TargetUid", "1980000000000042");
        params.put("Strategy", "0");
        params.put("TargetInstanceConfig.1.TargetInstanceId", "iot-cn-target01");
        return params;
    }

    private String create(Map<String, String> params) {
        return assertOk(client.call("CreateDeviceDistributeJob", params)).path("JobId").asText();
    }

    private JsonNode query(String jobId) {
        return assertOk(client.call("QueryDeviceDistributeJob", Map.of("JobId", jobId))).path("Data");
    }

    private RpcTestClient.Answer detail(String jobId) {
        return client.call("QueryDeviceDistributeDetail", Map.of("JobId", jobId));
    }

    private JsonNode list(Map<String, String> params) {
        return assertOk(client.call("ListDeviceDistributeJob", params)).path("Data");
    }

    private static List<JsonNode> items(JsonNode data) {
        return StreamSupport.stream(data.path("JobInfo").path("items").spliterator(), false)
                .toList();
    }

    private HttpResponse<String> fetch(String url) {
        return client.get(URI.create(url));
    }
}
