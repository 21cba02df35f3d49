package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.fault.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults on the Alibaba side of the sandbox: their wire shapes, their order, their counts, their checks. */
class SandboxFaultsTest {

    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final String GET_FILE = "aliyun.GetDownloadFile";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private VendorSandbox sandbox;
    private RpcTestClient client;
    private String jobId;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential("test-ak", Secret.of("test-secret"))
                .withCsvBytes(10_000), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
        jobId = client.createJob("t", START, START + 3_600_000, null).path("Data").path("LongJobId").asText();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldAnswerPlannedFaultsInTheGatewaysShapeInOrderThenServeNormally() {
        sandbox.faults().inject(GET_FILE, "503,500,throttle");

        RpcTestClient.Answer unavailable = client.getDownloadFile(jobId);
        RpcTestClient.Answer internal = client.getDownloadFile(jobId);
        RpcTestClient.Answer throttled = client.getDownloadFile(jobId);
        RpcTestClient.Answer normal = client.getDownloadFile(jobId);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("ServiceUnavailable");
        assertThat(unavailable.json().path("RequestId").asText()).isNotBlank();
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.code()).isEqualTo("InternalError");
        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.code()).isEqualTo("Throttling.User");
        assertThat(normal.status()).isEqualTo(200);
        assertThat(normal.json().path("Success").asBoolean()).isTrue();
        SandboxStats stats = sandbox.stats();
        assertThat(stats.faults()).containsExactlyInAnyOrderEntriesOf(Map.of(
                GET_FILE + ":503", 1L, GET_FILE + ":500", 1L, GET_FILE + ":throttle", 1L));
        assertThat(stats.callsOf("GetDownloadFile")).isEqualTo(4);
        assertThat(sandbox.faults().handouts(GET_FILE)).extracting(h -> h.fault())
                .containsExactly("503", "500", "throttle");
        assertThat(sandbox.faults().pending()).isEmpty();
    }

    @Test
    void shouldAnswerAnErrorCodeInTheDataDownloadEnvelope() {
        sandbox.faults().inject(GET_FILE, "error:iot.dap.insight.serverError");

        RpcTestClient.Answer answer = client.getDownloadFile(jobId);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("Success").asBoolean(true)).isFalse();
        assertThat(answer.code()).isEqualTo("iot.dap.insight.serverError");
        assertThat(answer.json().path("ErrorMessage").asText()).isEqualTo("server hsf error please try later");
        assertThat(sandbox.stats().rejectionsOf("iot.dap.insight.serverError")).isEqualTo(1);
    }

    @Test
    void shouldSendBodiesThatAreNotJsonForMalformedAndTruncated() {
        sandbox.faults().inject(GET_FILE, "malformed,truncated");

        HttpResponse<String> malformed = client.getDownloadFile(jobId).response();
        HttpResponse<String> truncated = client.getDownloadFile(jobId).response();

        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> RpcTestClient.json(malformed)).isInstanceOf(UncheckedIOException.class);
        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(truncated.body()).startsWith("{\"RequestId\"");
        assertThatThrownBy(() -> RpcTestClient.json(truncated)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldCloseTheConnectionWithoutAnAnswerOnReset() {
        sandbox.faults().inject(GET_FILE, "reset");

        assertThatThrownBy(() -> client.getDownloadFile(jobId)).isInstanceOf(UncheckedIOException.class);
        assertThat(client.getDownloadFile(jobId).status()).isEqualTo(200);
    }

    @Test
    void shouldReportANeverFinishingJobAsRunningOnEveryCall() {
        sandbox.faults().inject(GET_FILE, "ok,never-finish");
        clock.advance(Duration.ofMinutes(10));

        JsonNode first = client.getDownloadFile(jobId).json().path("Data");
        JsonNode later = client.getDownloadFile(jobId).json().path("Data");
        JsonNode latest = client.getDownloadFile(jobId).json().path("Data");

        assertThat(first.path("Status").asInt()).as("the ok step is served as it is").isEqualTo(1);
        assertThat(later.path("Status").asInt()).isZero();
        assertThat(later.has("CsvUrl")).isFalse();
        assertThat(latest.path("Status").asInt()).isZero();
        assertThat(sandbox.faults().pending()).containsEntry(GET_FILE, "never-finish");
    }

    @Test
    void shouldRefuseAnExpiredLinkAsOssDoesThenServeAFreshOne() {
        clock.advance(Duration.ofMinutes(10));
        URI csvUrl = URI.create(client.getDownloadFile(jobId).json().path("Data").path("CsvUrl").asText());
        sandbox.faults().inject("aliyun.CsvDownload", "expire-url");

        HttpResponse<String> expired = client.get(csvUrl);
        HttpResponse<String> served = client.get(csvUrl);

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired.");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).hasSize(10_000);
    }

    @Test
    void shouldRefuseSpecsThatDoNotFitNamingTheTargetAndTheRule() {
        Faults faults = sandbox.faults();

        assertThatThrownBy(() -> faults.inject("aliyun.NoSuchAction", "503"))
                .hasMessageContaining("aliyun.NoSuchAction").hasMessageContaining("not a vendor action");
        assertThatThrownBy(() -> faults.inject(GET_FILE, "stall"))
                .hasMessageContaining(GET_FILE).hasMessageContaining("does not apply");
        assertThatThrownBy(() -> faults.inject(GET_FILE, "error:iot.made.up"))
                .hasMessageContaining("names a code the vendor does not answer with");
        assertThatThrownBy(() -> faults.inject(GET_FILE, "never-finish,ok"))
                .hasMessageContaining("must end with never-finish");
        assertThatThrownBy(() -> faults.inject(GET_FILE, "throttle*0"))
                .hasMessageContaining("must repeat 1 to 1000 times");
        assertThatThrownBy(() -> faults.inject(GET_FILE, "502"))
                .hasMessageContaining("step \"502\" is not a fault");
        assertThat(faults.pending()).isEmpty();
    }

    @Test
    void shouldReadPlansFromPropertiesNamingABadKey() {
        Map<String, String> props = Map.of(SandboxProperties.PREFIX + "faults.aliyun.QueryJob", "503*2,ok");
        sandbox.faults().configure(new SandboxProperties(props::get));

        assertThat(sandbox.faults().pending()).containsExactlyEntriesOf(Map.of("aliyun.QueryJob", "503,503,ok"));
        Map<String, String> bad = Map.of(SandboxProperties.PREFIX + "faults.aliyun.CsvDownload", "never-finish");
        assertThatThrownBy(() -> sandbox.faults().configure(new SandboxProperties(bad::get)))
                .hasMessageStartingWith("bridge.sandbox.faults.aliyun.CsvDownload ");
    }

    @Test
    void shouldSetShowAndClearPlansOverHttp() {
        URI admin = URI.create(sandbox.baseUrl() + "/sandbox/faults");

        HttpResponse<String> set = client.get(HttpRequest.newBuilder(admin)
                .POST(HttpRequest.BodyPublishers.ofString("# R6\naliyun.GetDownloadFile = 503*2,ok\n")).build());
        HttpResponse<String> refused = client.get(HttpRequest.newBuilder(admin)
                .POST(HttpRequest.BodyPublishers.ofString("aliyun.QueryJob=reset\naliyun.CsvDownload=teapot\n"))
                .build());
        JsonNode shown = RpcTestClient.json(client.get(admin));
        JsonNode stats = RpcTestClient.json(client.get(URI.create(sandbox.baseUrl() + "/sandbox/stats")));
        HttpResponse<String> cleared = client.get(HttpRequest.newBuilder(admin).DELETE().build());

        assertThat(RpcTestClient.json(set).path(GET_FILE).asText()).isEqualTo("503,503,ok");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aliyun.CsvDownload").contains("teapot");
        assertThat(shown.has("aliyun.QueryJob")).as("a refused body sets nothing").isFalse();
        assertThat(shown.path(GET_FILE).asText()).isEqualTo("503,503,ok");
        assertThat(stats.has("faults")).isTrue();
        assertThat(RpcTestClient.json(cleared).size()).isZero();
        assertThat(client.getDownloadFile(jobId).status()).isEqualTo(200);
    }
}
