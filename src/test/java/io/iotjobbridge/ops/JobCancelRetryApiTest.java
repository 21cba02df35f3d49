package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.http.LoopbackTransport;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.sandbox.SandboxLink;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.aliyun.AliyunClient;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/jobs/{id}/cancel and /retry against the whole bridge and its sandbox. Vendor jobs run for ten minutes
 * here, so a job is still running at the vendor when it is cancelled.
 */
class JobCancelRetryApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static RunningBridge bridge;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of(
                "bridge.sandbox.aliyun.job-running-ms", "600000",
                "bridge.sandbox.huawei.export-running-ms", "600000",
                "bridge.sandbox.aliyun.daily-job-limit", "50"));
        api = new ApiClient(bridge.httpUrl(), null);
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @AfterEach
    void clearFaults() {
        bridge.sandbox().faults().clear();
    }

    @Test
    void shouldCancelARunningDeviceJobAtTheVendorTooButOnlyOnceTheVendorAccepts() throws Exception {
        JobRecord running = submitAndAwait(deviceJob("api-cancel-device"), JobState.RUNNING);
        bridge.sandbox().faults().inject("aliyun.CancelJob", "500");

        ApiClient.Answer refused = api.cancel("api-cancel-device");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().path("code").asText()).isEqualTo("InternalError");
        assertThat(refused.violations()).singleElement().asString()
                .startsWith("vendor: refused to cancel vendor job " + running.vendorJobId());
        assertThat(bridge.job("api-cancel-device").state()).as("job unchanged").isEqualTo(JobState.RUNNING);

        ApiClient.Answer retryWhileRunning = api.retry(running.id());

        assertThat(retryWhileRunning.status()).isEqualTo(409);
        assertThat(retryWhileRunning.violations()).singleElement().asString().startsWith("state: is RUNNING");

        ApiClient.Answer cancelled = api.cancel("api-cancel-device");

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.body().path("vendorCancelled").asBoolean()).isTrue();
        assertThat(cancelled.body().path("job").path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("job").path("reason").asText()).contains("cancelled by an operator");
        assertThat(bridge.job("api-cancel-device").state()).isEqualTo(JobState.CANCELLED);
        assertThat(vendorStatus(running.vendorJobId())).isIn("CANCELLING", "CANCELLED");
        assertThat(bridge.sandbox().stats().callsOf("CancelJob")).as("the faulted call and the accepted one")
                .isEqualTo(2);
        Path statusFile = bridge.outbox().resolve(".status").resolve(running.id() + ".json");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode event = JSON.readTree(Files.readString(statusFile));
            assertThat(event.path("state").asText()).isEqualTo("CANCELLED");
            assertThat(event.path("final").asBoolean()).isTrue();
        });
        assertThat(api.cancel(running.id()).status()).as("a cancelled job cannot be cancelled again").isEqualTo(409);
    }

    @Test
    void shouldCancelAHuaweiExportInTheBridgeOnlyAsIoTdaHasNoCancelCall() throws Exception {
        JobRecord exporting = submitAndAwait(export("api-cancel-export"), JobState.RUNNING);

        ApiClient.Answer cancelled = api.cancel(exporting.id());

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.body().path("vendorCancelled").asBoolean()).isFalse();
        assertThat(cancelled.body().path("job").path("reason").asText())
                .contains("vendor job " + exporting.vendorJobId() + " runs on");
        assertThat(bridge.job("api-cancel-export").state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void shouldRefuseToCancelADeliveredJob() throws Exception {
        JobRecord delivered = submitAndAwait(listBatchTasks("api-cancel-delivered"), JobState.DELIVERED);

        ApiClient.Answer refused = api.cancel(delivered.id());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asText()).isEqualTo("conflict");
        assertThat(refused.violations()).singleElement().asString().startsWith("state: is DELIVERED");
        assertThat(bridge.job("api-cancel-delivered").state()).isEqualTo(JobState.DELIVERED);
    }

    @Test
    void shouldRunAFailedJobAgainWithANewVendorJobUntilItIsDelivered() throws Exception {
        bridge.sandbox().faults().inject("aliyun.GetDownloadFile", "error:iot.dap.insight.noAuthorization");
        JobRecord failed = submitAndAwait(download("api-retry-failed", "retried"), JobState.FAILED);
        assertThat(failed.vendorJobId()).isNotNull();
        bridge.sandbox().faults().clear();

        ApiClient.Answer retried = api.retry(failed.id());

        assertThat(retried.status()).isEqualTo(202);
        JsonNode job = retried.body().path("job");
        assertThat(job.path("state").asText()).isEqualTo("RECEIVED");
        assertThat(job.path("vendorJobId").isNull()).isTrue();
        assertThat(job.path("reason").isNull()).isTrue();
        JobRecord delivered = awaitState("api-retry-failed", JobState.DELIVERED);
        assertThat(delivered.vendorJobId()).as("a new vendor job").isNotEqualTo(failed.vendorJobId());
        assertThat(bridge.ledger().history(failed.id())).extracting(JobTransition::detail)
                .contains("retried by an operator");
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRetryTheFailedPartOfASplitJobWithTheWhole() throws Exception {
        // the first status check of a part (the parts run side by side, so any of them) fails it, and the whole
        bridge.sandbox().faults().inject("aliyun.GetDownloadFile", "error:iot.dap.insight.noAuthorization");
        String week = download("api-retry-split", "week").replace("1658406464534", "1658937600000");
        JobRecord failed = submitAndAwait(week, JobState.FAILED);
        assertThat(failed.reason()).containsPattern("part [123] of 3 .* failed: iot.dap.insight.noAuthorization");
        bridge.sandbox().faults().clear();

        ApiClient.Answer retried = api.retry("api-retry-split");

        assertThat(retried.status()).isEqualTo(202);
        assertThat(awaitState("api-retry-split", JobState.DELIVERED).vendorStatus())
                .isEqualTo("3 of 3 parts delivered");
    }

    @Test
    void shouldAnswer404ForAnUnknownJob() throws Exception {
        for (ApiClient.Answer answer : new ApiClient.Answer[] {api.retry("no-such-job"), api.cancel("no-such-job")}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.violations()).containsExactly("id: no job has this id or request id");
        }
    }

    private static JobRecord submitAndAwait(String document, JobState state) throws Exception {
        ApiClient.Answer answer = api.submit("application/json", document);
        assertThat(answer.status()).isEqualTo(202);
        return awaitState(answer.body().path("jobs").get(0).path("requestId").asText(), state);
    }

    private static JobRecord awaitState(String requestId, JobState state) {
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(requestId)
                .filter(job -> job.state() == state).isPresent());
        return bridge.job(requestId);
    }

    /** QueryJob's Status for a device job, asked of the sandbox directly. */
    private static String vendorStatus(String vendorJobId) throws Exception {
        SandboxLink link = bridge.context().getRegistry().lookupByNameAndType("sandboxLink", SandboxLink.class);
        try (LoopbackTransport http = new LoopbackTransport(bridge.sandbox().baseUrl())) {
            AliyunClient client = new AliyunClient(link.aliyunAccount().orElseThrow(), http,
                    new CallBudget(Map.of(), 5, Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());
            return client.call(AliyunOperations.QUERY_JOB, Map.of("JobId", TextNode.valueOf(vendorJobId)))
                    .path("Data").path("Status").asText();
        }
    }

    private static String deviceJob(String id) {
        return """
                {"id": "%s", "vendor": "aliyun", "account": "default", "operation": "CreateJob",
                 "params": {"JobName": "reboot_%s", "Type": "INVOKE_SERVICE",
                            "JobDocument": {"serviceIdentifier": "reboot", "params": {}},
                            "TargetConfig": {"targetType": "PRODUCT_KEY", "targetProduct": "a1LightProd"},
                            "RolloutConfig": {"maximumPerMinute": 1000},
                            "TimeoutConfig": {"inProgressTimeoutInMinutes": 5}}}
                """.formatted(id, id.replace('-', '_'));
    }

    private static String export(String id) {
        return """
                {"id": "%s", "vendor": "huawei", "account": "default", "operation": "CreateExportTask",
                 "params": {"resource_type": "BatchTask", "resource_condition": {"task_id": "01fc671f0000000000000071"},
                            "export_format": "xls", "app_type": "GLOBAL"}}
                """.formatted(id);
    }

    private static String listBatchTasks(String id) {
        return """
                {"id": "%s", "vendor": "huawei", "account": "default", "operation": "ListBatchTasks",
                 "params": {"task_type": "firmwareUpgrade", "limit": 50}}
                """.formatted(id);
    }

    private static String download(String id, String fileName) {
        return """
                {"id": "%s", "vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"TableName": "product_info", "DownloadDataType": "TABLE", "StartTime": 1658332800000,
                            "EndTime": 1658406464534, "FileConfig": {"fileName": "%s"}}}
                """.formatted(id, fileName);
    }
}
