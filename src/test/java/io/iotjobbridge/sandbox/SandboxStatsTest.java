package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The traffic counters, as {@link VendorSandbox#stats()} and as {@code GET /sandbox/stats}. */
class SandboxStatsTest {

    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final long CSV_BYTES = 10_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private VendorSandbox sandbox;
    private RpcTestClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential("test-ak", Secret.of("test-secret"))
                .withCsvBytes(CSV_BYTES), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldStartWithNothingCounted() {
        SandboxStats stats = sandbox.stats();

        assertThat(stats.calls()).isEmpty();
        assertThat(stats.rejections()).isEmpty();
        assertThat(stats.downloads()).isZero();
        assertThat(stats.downloadBytes()).isZero();
    }

    @Test
    void shouldCountCallsPerActionAndRejectionsPerCode() {
        String jobId = client.createJob("t", START, START + 3_600_000, null).path("Data").path("LongJobId").asText();
        client.createJobResponse("t", START, START + 3_600_000, null, "");      // concurrency limit
        client.getDownloadFile(jobId);
        clock.advance(Duration.ofSeconds(5));
        URI csvUrl = URI.create(client.getDownloadFile(jobId).json().path("Data").path("CsvUrl").asText());
        client.get(csvUrl);
        client.withSecret(Secret.of("wrong")).send(client.withSecret(Secret.of("wrong"))
                .v3("GetDownloadFile", Map.of("LongJobId", jobId), Map.of()));    // bad signature
        client.send(client.v3("NoSuchAction", Map.of(), Map.of()));              // unknown action: no call counted

        SandboxStats stats = sandbox.stats();

        assertThat(stats.calls()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CreateDownloadDataJob", 2L, "GetDownloadFile", 3L));
        assertThat(stats.rejections()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iot.dap.insight.processDownloadJobMoreConcurrenceCount", 1L,
                "SignatureDoesNotMatch", 1L,
                "InvalidAction.NotFound", 1L));
        assertThat(stats.downloads()).isEqualTo(1);
        assertThat(stats.downloadBytes()).isEqualTo(CSV_BYTES);
    }

    @Test
    void shouldServeTheSameSnapshotAsJson() {
        client.createJob("t", START, START + 3_600_000, null);
        client.getDownloadFile("unknown");

        HttpResponse<String> response = client.get(URI.create(sandbox.baseUrl() + "/sandbox/stats"));
        JsonNode json = RpcTestClient.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json.path("calls").path("CreateDownloadDataJob").asLong()).isEqualTo(1);
        assertThat(json.path("calls").path("GetDownloadFile").asLong()).isEqualTo(1);
        assertThat(json.path("rejections").path("iot.dap.insight.requestParamError").asLong()).isEqualTo(1);
        assertThat(json.path("downloads").asLong()).isZero();
        assertThat(json.path("downloadBytes").asLong()).isZero();
        assertThat(json.path("pushed").isObject()).isTrue();
        assertThat(json.path("faults").isObject()).isTrue();
        assertThat(json.size()).isEqualTo(6);
    }
}
