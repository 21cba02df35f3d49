package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.LoopbackTransport;
import io.iotjobbridge.http.RecordingTransport;
import io.iotjobbridge.http.StreamedReply;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.HuaweiSandboxSettings;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.VendorException.Kind;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IoTDA client against the sandbox: both signing schemes chosen by endpoint, Instance-Id, JSON bodies, and every
 * class of error mapped to what the bridge then does (retry with backoff, wait for a quota, or fail the job).
 */
class HuaweiClientTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String AK = "client-ak";
    private static final String SK = "client-secret-0123456789";
    private static final String PROJECT = "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";
    private static final URI REGIONAL = URI.create("https://iotda.cn-north-4.myhuaweicloud.com");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(START);
    private final CallBudget budget = new CallBudget(Map.of(), 1_000, Duration.ofSeconds(5), clock);
    private DefaultCamelContext camel;
    private CamelHttpTransport camelHttp;
    private VendorSandbox sandbox;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        camelHttp = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(10));
        startSandbox(SandboxSettings.defaults().huawei());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        camelHttp.close();
        camel.stop();
    }

    private void startSandbox(HuaweiSandboxSettings huawei) {
        if (sandbox != null) {
            sandbox.close();
        }
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK)).withHuawei(huawei),
                clock);
    }

    private HuaweiAccount account(URI endpoint, Optional<String> instanceId) {
        return new HuaweiAccount("test", endpoint, AK, Secret.of(SK), PROJECT, "cn-north-4", instanceId);
    }

    private HuaweiClient client(HttpTransport http) {
        return new HuaweiClient(account(sandbox.baseUrl(), Optional.empty()), http, budget, clock);
    }

    private static ObjectNode firmwareUpgrades(int limit) {
        return JSON.createObjectNode().put("task_type", "firmwareUpgrade").put("limit", limit);
    }

    private static String authorization(HttpCall call) {
        return call.headers().get("Authorization");
    }

    private String firstFinishedTask(HuaweiClient client) throws VendorException {
        JsonNode listed = client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(),
                firmwareUpgrades(1).put("status", "Success"));
        return listed.path("batchtasks").path(0).path("task_id").asText();
    }

    private static ObjectNode exportOf(String taskId) {
        ObjectNode params = JSON.createObjectNode().put("resource_type", "BatchTask");
        params.putObject("resource_condition").put("task_id", taskId);
        return params.put("export_format", "xls");
    }

    @Test
    void shouldSignALoopbackEndpointWithAKeyDerivedForTheRegionAndIoTda() throws Exception {
        RecordingTransport http = new RecordingTransport(camelHttp);

        JsonNode listed = client(http).call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(2));

        assertThat(listed.path("batchtasks")).hasSize(2);
        assertThat(authorization(http.last())).startsWith("V11-HMAC-SHA256 Credential=client-ak/20250301/cn-north-4/"
                + "iotdm, SignedHeaders=host;x-sdk-date, Signature=");
        assertThat(http.last().rawPath()).isEqualTo("/v5/iot/" + PROJECT + "/batchtasks");
        assertThat(http.last().rawQuery()).isEqualTo("limit=2&task_type=firmwareUpgrade");
        assertThat(http.last().headers()).containsEntry("X-Sdk-Date", "20250301T080000Z")
                .doesNotContainKey("Instance-Id");
        assertThat(sandbox.stats().rejections()).isEmpty();
    }

    @Test
    void shouldSignARegionalEndpointWithThePlainAkSkSchemeAndBeAccepted() throws Exception {
        try (LoopbackTransport loopback = new LoopbackTransport(sandbox.baseUrl())) {
            RecordingTransport http = new RecordingTransport(loopback);
            HuaweiClient client = new HuaweiClient(account(REGIONAL, Optional.empty()), http, budget, clock);

            JsonNode listed = client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1));

            assertThat(listed.path("batchtasks")).hasSize(1);
            assertThat(authorization(http.last()))
                    .startsWith("SDK-HMAC-SHA256 Access=client-ak, SignedHeaders=host;x-sdk-date, Signature=");
            assertThat(sandbox.stats().rejections()).isEmpty();
        }
    }

    @Test
    void shouldSendAndSignTheInstanceIdSoTheCallSeesThatInstancesData() throws Exception {
        RecordingTransport http = new RecordingTransport(camelHttp);
        HuaweiClient withInstance = new HuaweiClient(account(sandbox.baseUrl(), Optional.of("instance-7")), http,
                budget, clock);

        String instanceTask = withInstance.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1))
                .path("batchtasks").path(0).path("task_id").asText();
        HttpCall sent = http.last();
        String projectTask = client(camelHttp).call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1))
                .path("batchtasks").path(0).path("task_id").asText();

        assertThat(sent.headers()).containsEntry("Instance-Id", "instance-7");
        assertThat(authorization(sent)).contains("SignedHeaders=host;instance-id;x-sdk-date,");
        assertThat(instanceTask).as("the sandbox keeps each instance's tasks apart").isNotEqualTo(projectTask);
        assertThat(sandbox.stats().rejections()).isEmpty();
    }

    @Test
    void shouldSendParametersOutsideTheQueryAsASignedJsonBody() throws Exception {
        RecordingTransport http = new RecordingTransport(camelHttp);
        HuaweiClient client = client(http);
        String taskId = firstFinishedTask(client);

        JsonNode created = client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(), exportOf(taskId));

        assertThat(created.path("export_task_id").asText()).matches("[0-9a-f]{24}");
        assertThat(created.path("status").asText()).isEqualTo("Processing");
        assertThat(http.last().method()).isEqualTo("POST");
        assertThat(http.last().headers()).containsEntry("Content-Type", "application/json");
        assertThat(authorization(http.last())).contains("SignedHeaders=content-type;host;x-sdk-date,");
        assertThat(JSON.readTree(http.last().body())).isEqualTo(exportOf(taskId));
    }

    @Test
    void shouldStreamTheExportFile() throws Exception {
        HuaweiClient client = client(camelHttp);
        String exportId = client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(),
                exportOf(firstFinishedTask(client))).path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(5));

        try (ResultContent file = client.openFile(HuaweiOperations.SHOW_EXPORT_TASK,
                Map.of("export_task_id", exportId))) {
            byte[] zip = file.body().readAllBytes();
            assertThat(zip).startsWith('P', 'K');
        }
    }

    // --- errors, each with what the bridge does about it ---

    @Test
    void shouldRetryWithBackoffWhenTheGatewayThrottles() throws Exception {
        startSandbox(SandboxSettings.defaults().huawei().withQps("ListBatchTasks", 1));
        HuaweiClient client = client(camelHttp);
        client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1));

        assertThatThrownBy(() -> client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.code()).isEqualTo("APIG.0308");
                    assertThat(e.vendorMessage()).contains("throttling threshold", "HTTP 429", "request id ");
                    assertThat(e.notBefore()).contains(clock.instant().plusSeconds(1));
                });
        // the whole API pauses for the account: the next call does not reach IoTDA until the pause is over
        assertThatThrownBy(() -> client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.code()).isEqualTo("ApiPaused");
                    assertThat(e.notBefore()).contains(clock.instant().plusSeconds(1));
                });
        assertThat(sandbox.stats().callsOf("ListBatchTasks")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1)).path("batchtasks"))
                .hasSize(1);
    }

    @Test
    void shouldWaitForTheQuotaWhenTooManyExportsAreUnfinished() throws Exception {
        startSandbox(SandboxSettings.defaults().huawei().withExportLimits(1, 50));
        HuaweiClient client = client(camelHttp);
        JsonNode tasks = client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(),
                firmwareUpgrades(2).put("status", "Success")).path("batchtasks");
        client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(), exportOf(tasks.path(0).path("task_id").asText()));

        assertThatThrownBy(() -> client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(),
                exportOf(tasks.path(1).path("task_id").asText())))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    // no time from the vendor: the engine waits its configured quota wait, then creates it again
                    assertThat(e.kind()).isEqualTo(Kind.QUOTA);
                    assertThat(e.code()).isEqualTo("IOTDA.016003");
                    assertThat(e.notBefore()).isEmpty();
                });
    }

    @Test
    void shouldKeepItsOwnDownloadsThirtySecondsApartWithoutAskingTheVendor() throws Exception {
        HuaweiClient client = client(camelHttp);
        String exportId = client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(),
                exportOf(firstFinishedTask(client))).path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(5));
        Instant firstDownload = clock.instant();
        client.openFile(HuaweiOperations.SHOW_EXPORT_TASK, Map.of("export_task_id", exportId)).close();
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> client.openFile(HuaweiOperations.SHOW_EXPORT_TASK,
                Map.of("export_task_id", exportId)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.QUOTA);
                    assertThat(e.code()).isEqualTo("ExportDownloadWindow");
                    // 30 s plus a margin of 50 ms and 1%, so the vendor never measures less than 30 s
                    assertThat(e.notBefore().orElseThrow()).isEqualTo(firstDownload.plusMillis(30_350));
                });
        assertThat(sandbox.stats().callsOf("ShowExportTask")).isEqualTo(1);

        clock.advance(Duration.ofMillis(20_350));
        client.openFile(HuaweiOperations.SHOW_EXPORT_TASK, Map.of("export_task_id", exportId)).close();
        assertThat(sandbox.stats().rejectionsOf("IOTDA.021101")).isZero();
    }

    @Test
    void shouldWaitThirtySecondsWhenTheVendorSaysAnExportFileWasDownloadedTooRecently() throws Exception {
        HuaweiClient client = client(camelHttp);
        // another bridge process on the same account: its downloads are not in this client's window
        HuaweiClient otherProcess = client(camelHttp);
        String exportId = client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(),
                exportOf(firstFinishedTask(client))).path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(5));
        otherProcess.openFile(HuaweiOperations.SHOW_EXPORT_TASK, Map.of("export_task_id", exportId)).close();
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> client.openFile(HuaweiOperations.SHOW_EXPORT_TASK,
                Map.of("export_task_id", exportId)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.QUOTA);
                    assertThat(e.code()).isEqualTo("IOTDA.021101");
                    assertThat(e.notBefore()).contains(clock.instant().plusSeconds(30));
                });
    }

    @Test
    void shouldFailTheJobWithTheVendorsCodeWhenTheSignatureIsRefused() {
        HuaweiClient client = new HuaweiClient(new HuaweiAccount("test", sandbox.baseUrl(), AK,
                Secret.of("not-the-secret-at-all"), PROJECT, "cn-north-4", Optional.empty()), camelHttp, budget, clock);

        assertThatThrownBy(() -> client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.code()).isEqualTo("APIG.0301");
                    assertThat(e.getMessage()).contains("verify aksk signature fail", "HTTP 401", "request id ")
                            .doesNotContain("not-the-secret-at-all", SK);
                });
    }

    @Test
    void shouldFailTheJobWhenIoTdaRefusesTheInput() {
        ObjectNode withoutType = JSON.createObjectNode().put("limit", 1);

        assertThatThrownBy(() -> client(camelHttp).call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), withoutType))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.code()).isEqualTo("IOTDA.000006");
                    assertThat(e.vendorMessage()).contains("task_type", "HTTP 400");
                });
    }

    @Test
    void shouldFailTheJobWhenTheExportFileIsGone() {
        assertThatThrownBy(() -> client(camelHttp).openFile(HuaweiOperations.SHOW_EXPORT_TASK,
                Map.of("export_task_id", "ffffffffffffffff00000000")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.code()).isEqualTo("IOTDA.016002");
                    assertThat(e.vendorMessage()).contains("HTTP 404");
                });
    }

    @Test
    void shouldRetryAServerErrorWithItsCode() {
        VendorException e = scriptedFailure(new HttpReply(500,
                utf8("{\"error_code\":\"IOTDA.000001\",\"error_msg\":\"Internal server error.\"}"),
                Map.of("X-Request-Id", "req-1")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.code()).isEqualTo("IOTDA.000001");
        assertThat(e.vendorMessage()).isEqualTo("Internal server error. (HTTP 500, request id req-1)");
    }

    @Test
    void shouldRetryAServerErrorWithoutAnIoTdaBody() {
        VendorException e = scriptedFailure(new HttpReply(503, utf8("<html>Service Unavailable</html>")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.code()).isEqualTo("HTTP503");
    }

    @Test
    void shouldRetryAnyTooManyRequestsAnswer() {
        VendorException e = scriptedFailure(new HttpReply(429, utf8("{\"error_code\":\"APIGW.0308\"}")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.code()).isEqualTo("APIGW.0308");
    }

    @Test
    void shouldReadTheNestedErrorFormTheSdkAlsoAccepts() {
        VendorException e = scriptedFailure(new HttpReply(403,
                utf8("{\"error\":{\"code\":\"IOTDA.000004\",\"message\":\"Invalid token.\"}}")));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.code()).isEqualTo("IOTDA.000004");
        assertThat(e.vendorMessage()).isEqualTo("Invalid token. (HTTP 403)");
    }

    @Test
    void shouldRetryAnAnswerThatIsNotJson() {
        VendorException e = scriptedFailure(new HttpReply(200, utf8("<html>proxy login</html>")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.code()).isEqualTo("MalformedResponse");
    }

    @Test
    void shouldRetryATransportFault() {
        HttpTransport broken = new Scripted(null);

        assertThatThrownBy(() -> client(broken).call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(),
                firmwareUpgrades(1)))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.code()).isEqualTo("TransportError");
                    assertThat(e.vendorMessage()).contains("ConnectException", "ListBatchTasks");
                });
    }

    private VendorException scriptedFailure(HttpReply reply) {
        try {
            client(new Scripted(reply)).call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), firmwareUpgrades(1));
        } catch (VendorException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every call with one reply, or fails to connect when there is none. */
    private record Scripted(HttpReply reply) implements HttpTransport {

        @Override
        public HttpReply send(HttpCall call) throws IOException {
            if (reply == null) {
                throw new java.net.ConnectException("Connection refused");
            }
            return reply;
        }

        @Override
        public StreamedReply open(HttpCall call) throws IOException {
            HttpReply answer = send(call);
            InputStream body = new java.io.ByteArrayInputStream(answer.body());
            return new StreamedReply(answer.status(), answer.body().length, body, answer.headers());
        }
    }
}
