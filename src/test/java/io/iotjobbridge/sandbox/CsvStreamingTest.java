package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Large files stream: the sandbox generates the CSV while it writes it, so the size of the file never becomes the
 * size of a buffer. Reading a prefix keeps the test quick while still crossing far more than any socket buffer.
 */
class CsvStreamingTest {

    private static final long MIB = 1024 * 1024;
    private static final long PREFIX_BYTES = 64 * MIB + 12_345;
    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private VendorSandbox sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void shouldStreamA256MibCsvMatchingTheSyntheticDigest() throws Exception {
        long size = 256 * MIB;
        RpcTestClient client = startWithCsvOf(size);
        String jobId = finishedJob(client);

        try (InputStream body = open(client, csvUrl(client, jobId), size)) {
            assertThat(CsvDigests.sha256(body, PREFIX_BYTES))
                    .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(jobId, size), PREFIX_BYTES));
        }
        assertThat(sandbox.stats().downloads()).isEqualTo(1);
    }

    @Test
    void shouldServeAFileLargerThanAnyJavaArray() throws Exception {
        // 16 GiB cannot sit in one byte[] (max 2 GiB), so a buffering implementation could not even start
        long size = 16 * 1024 * MIB;
        RpcTestClient client = startWithCsvOf(size);
        String jobId = finishedJob(client);

        try (InputStream body = open(client, csvUrl(client, jobId), size)) {
            assertThat(CsvDigests.sha256(body, PREFIX_BYTES))
                    .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(jobId, size), PREFIX_BYTES));
        }
    }

    private RpcTestClient startWithCsvOf(long size) {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential("test-ak", Secret.of("test-secret"))
                .withCsvBytes(size), clock);
        return new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
    }

    private String finishedJob(RpcTestClient client) {
        String jobId = client.createJob("big_table", START, START + 3_600_000, "big").path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofSeconds(5));
        return jobId;
    }

    private static URI csvUrl(RpcTestClient client, String jobId) {
        return URI.create(client.getDownloadFile(jobId).json().path("Data").path("CsvUrl").asText());
    }

    /** Opens the body as a stream and checks the announced length before anything is read. */
    private static InputStream open(RpcTestClient client, URI url, long expectedLength) throws Exception {
        HttpResponse<InputStream> response = client.http().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(expectedLength);
        return response.body();
    }
}
