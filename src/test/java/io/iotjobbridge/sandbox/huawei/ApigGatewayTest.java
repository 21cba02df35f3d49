package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.IotdaTestClient.Answer;
import io.iotjobbridge.sandbox.huawei.IotdaTestClient.Prepared;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API gateway in front of IoTDA: AK/SK signatures in both schemes, each refusal, the request id, throttling. */
class ApigGatewayTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String AK = "gateway-ak-0123456789";
    private static final String SK = "gateway-secret";
    private static final Map<String, String> FIRMWARE = Map.of("task_type", "firmwareUpgrade");

    private final MutableClock clock = new MutableClock(START);
    private VendorSandbox sandbox;
    private IotdaTestClient client;

    @BeforeEach
    void startSandbox() {
        start(SandboxSettings.defaults().huawei());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private void start(HuaweiSandboxSettings huawei) {
        if (sandbox != null) {
            sandbox.close();
        }
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredentials(Map.of(AK, Secret.of(SK), "other-ak", Secret.of("other-secret")))
                .withHuawei(huawei), clock);
        client = new IotdaTestClient(sandbox.baseUrl(), AK, Secret.of(SK), "project-1", clock);
    }

    @Test
    void shouldAcceptBothSignatureSchemes() {
        assertThat(client.get("batchtasks", FIRMWARE).status()).isEqualTo(200);
        assertThat(client.derivedFor("cn-north-4").get("batchtasks", FIRMWARE).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAWrongSecretKeyLikeApig() {
        Answer answer = client.withSecret(Secret.of("not-" + SK)).get("batchtasks", FIRMWARE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("APIG.0301");
        assertThat(answer.message()).isEqualTo("Incorrect IAM authentication information: verify aksk signature fail");
        assertThat(answer.json().path("request_id").asText()).isEqualTo(answer.header("X-Request-Id")).isNotBlank();
        assertThat(sandbox.stats().rejectionsOf("APIG.0301")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("ListBatchTasks")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownAccessKeyWithoutEchoingIt() {
        Answer answer = client.withAccessKeyId("UNKNOWNAKSECRETLOOKING").get("batchtasks", FIRMWARE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("APIG.0301");
        assertThat(answer.message()).isEqualTo(
                "Incorrect IAM authentication information: Get secretKey failed,ak:UNKN******,err:ak not exist");
    }

    @Test
    void shouldRefuseADateOlderThanFifteenMinutes() {
        Answer stale = client.send(client.prepare("GET", "batchtasks", FIRMWARE, "",
                START.minus(Duration.ofMinutes(15)).minusSeconds(1)));
        Answer justInTime = client.send(client.prepare("GET", "batchtasks", FIRMWARE, "",
                START.minus(Duration.ofMinutes(15))));
        Answer ahead = client.send(client.prepare("GET", "batchtasks", FIRMWARE, "",
                START.plus(Duration.ofMinutes(16))));

        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.message()).isEqualTo("Incorrect IAM authentication information: x-sdk-date expired");
        assertThat(justInTime.status()).isEqualTo(200);
        assertThat(ahead.message()).endsWith("x-sdk-date expired");
    }

    @Test
    void shouldRefuseABodyChangedAfterSigning() {
        Prepared signed = client.prepare("POST", "batchtasks", Map.of(),
                IotdaTestClient.toJson(Map.of("task_name", "a", "task_type", "createCommands",
                        "targets", List.of("dev-1"))));

        Answer tampered = client.send(signed.withBody(signed.body().replace("dev-1", "dev-2")));
        Answer original = client.send(signed);

        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.message()).endsWith("verify aksk signature fail");
        assertThat(original.status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAQueryChangedAfterSigning() {
        Prepared signed = client.prepare("GET", "batchtasks", Map.of("task_type", "firmwareUpgrade", "limit", "5"),
                "");
        Prepared tampered = new Prepared("GET", URI.create(signed.uri().toString().replace("limit=5",
                "limit=50")), signed.headers(), "");

        assertThat(client.send(tampered).code()).isEqualTo("APIG.0301");
    }

    @Test
    void shouldRefuseADerivedSignatureScopedToAnotherRegion() {
        Answer answer = client.derivedFor("cn-south-1").get("batchtasks", FIRMWARE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).endsWith("verify aksk signature fail");
    }

    @Test
    void shouldCheckDerivedSignaturesAgainstTheConfiguredRegion() {
        start(SandboxSettings.defaults().huawei().withRegionId("ap-southeast-1"));

        assertThat(client.derivedFor("ap-southeast-1").get("batchtasks", FIRMWARE).status()).isEqualTo(200);
        assertThat(client.derivedFor("cn-north-4").get("batchtasks", FIRMWARE).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseARequestWithoutAuthorization() {
        Prepared signed = client.prepare("GET", "batchtasks", FIRMWARE, "");
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("Authorization");

        Answer answer = client.send(new Prepared("GET", signed.uri(), headers, ""));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo("Incorrect IAM authentication information: x-auth-token not found");
    }

    @Test
    void shouldRequireTheHostAndDateHeadersToBeSigned() {
        // validly signed, but over too few headers: the date or the host could be replayed elsewhere
        Answer withoutHost = client.signingOnly(List.of("x-sdk-date")).get("batchtasks", FIRMWARE);
        Answer withoutDate = client.signingOnly(List.of("host")).get("batchtasks", FIRMWARE);

        assertThat(withoutHost.code()).isEqualTo("APIG.0301");
        assertThat(withoutDate.code()).isEqualTo("APIG.0301");
        assertThat(client.signingOnly(List.of("host", "x-sdk-date")).get("batchtasks", FIRMWARE).status())
                .isEqualTo(200);
    }

    @Test
    void shouldTakeThePayloadHashFromXSdkContentSha256WhenSent() {
        // the SDK sends this header in place of hashing a body it streams; the gateway signs with its value
        Answer answer = client.withSignedHeader("x-sdk-content-sha256", "UNSIGNED-PAYLOAD").post("batchtasks",
                Map.of("task_name", "unsigned", "task_type", "createCommands", "targets", List.of("dev-1")));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void shouldAnswerApig0101ForAnUnknownApi() {
        Answer answer = client.get("no-such-resource", Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("APIG.0101");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void shouldPutARequestIdOnEveryReply() {
        Answer ok = client.get("batchtasks", FIRMWARE);
        Answer invalid = client.get("batchtasks", Map.of());

        assertThat(ok.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(invalid.header("X-Request-Id")).matches("[0-9a-f-]{36}").isNotEqualTo(ok.header("X-Request-Id"));
        assertThat(invalid.json().has("request_id")).isFalse();
    }

    @Test
    void shouldThrottleEachAccessKeyAndApiPerSecond() {
        start(SandboxSettings.defaults().huawei().withQps("ListBatchTasks", 3));
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("batchtasks", FIRMWARE).status()).isEqualTo(200);
        }

        Answer fourth = client.get("batchtasks", FIRMWARE);
        Answer otherApi = client.get("export-tasks", Map.of());
        Answer otherKey = client.withAccessKeyId("other-ak").withSecret(Secret.of("other-secret"))
                .get("batchtasks", FIRMWARE);
        clock.advance(Duration.ofSeconds(1));
        Answer nextSecond = client.get("batchtasks", FIRMWARE);

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("APIG.0308");
        assertThat(fourth.message()).isEqualTo(
                "The throttling threshold has been reached: policy user over ratelimit,limit:3,time:1 second");
        assertThat(otherApi.status()).isEqualTo(200);
        assertThat(otherKey.status()).isEqualTo(200);
        assertThat(nextSecond.status()).isEqualTo(200);
        assertThat(sandbox.stats().rejectionsOf("APIG.0308")).isEqualTo(1);
    }

    @Test
    void shouldNotCountRefusedSignaturesAgainstTheRateLimit() {
        start(SandboxSettings.defaults().huawei().withQps("ListBatchTasks", 1));
        client.withSecret(Secret.of("wrong")).get("batchtasks", FIRMWARE);

        assertThat(client.get("batchtasks", FIRMWARE).status()).isEqualTo(200);
    }

    @Test
    void shouldCountEveryCallByActionAndEveryRefusalByCode() {
        start(SandboxSettings.defaults().huawei().withExportRunningFor(Duration.ZERO));
        String taskId = client.createBatchTask("count-me", "createCommands", List.of("dev-1")).json()
                .path("task_id").asText();
        client.get("batchtasks", FIRMWARE);
        client.get("batchtasks/" + taskId, Map.of());
        String exportId = client.createExportTask(taskId).json().path("export_task_id").asText();
        client.listExportTasks(Map.of());
        client.downloadExport(exportId);
        client.downloadExport(exportId);
        client.get("batchtasks", Map.of());
        client.get("unknown", Map.of());

        assertThat(sandbox.stats().calls()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CreateBatchTask", 1L, "ListBatchTasks", 2L, "ShowBatchTask", 1L,
                "CreateExportTask", 1L, "ListExportTasks", 1L, "ShowExportTask", 2L));
        assertThat(sandbox.stats().rejections()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "IOTDA.021101", 1L, "IOTDA.000006", 1L, "APIG.0101", 1L));
    }

    @Test
    void shouldKeepEachInstanceAndProjectApart() {
        IotdaTestClient instanceA = client.withInstanceId("instance-a");
        String taskId = instanceA.createBatchTask("only-in-a", "createCommands", List.of("dev-1")).json()
                .path("task_id").asText();

        assertThat(instanceA.get("batchtasks/" + taskId, Map.of()).status()).isEqualTo(200);
        assertThat(client.withInstanceId("instance-b").get("batchtasks/" + taskId, Map.of()).code())
                .isEqualTo("IOTDA.016001");
        assertThat(client.get("batchtasks/" + taskId, Map.of()).status()).isEqualTo(404);
        assertThat(instanceA.withProjectId("project-2").get("batchtasks/" + taskId, Map.of()).status())
                .isEqualTo(404);
        assertThat(instanceA.withAccessKeyId("other-ak").withSecret(Secret.of("other-secret"))
                .get("batchtasks/" + taskId, Map.of()).status()).isEqualTo(404);
    }
}
