package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed CsvUrl: what it serves, and the vendor's limits on it (5 minutes, 3 fetches a day). */
class DownloadLinkTest {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2025-03-03T04:00:00Z");
    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final long CSV_BYTES = 100_000;

    private final MutableClock clock = new MutableClock(NOON_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private RpcTestClient client;
    private String jobId;

    @BeforeEach
    void startSandboxWithFinishedJob() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential("test-ak", Secret.of("test-secret"))
                .withCsvBytes(CSV_BYTES), clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
        jobId = client.createJob("product_info", START, START + 3_600_000, "export").path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldServeTheSyntheticCsvAtTheSignedUrl() throws Exception {
        URI csvUrl = csvUrl();

        HttpResponse<byte[]> response = client.http().send(HttpRequest.newBuilder(csvUrl).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(CSV_BYTES);
        assertThat(response.body()).hasSize((int) CSV_BYTES);
        assertThat(CsvDigests.sha256(new ByteArrayInputStream(response.body())))
                .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(jobId, CSV_BYTES)));
    }

    @Test
    void shouldServeUntilFiveMinutesThenAnswerExpired() {
        URI csvUrl = csvUrl();
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> atTheLimit = client.get(csvUrl);
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> expired = client.get(csvUrl);

        assertThat(atTheLimit.statusCode()).isEqualTo(200);
        assertOssError(expired, 403, "AccessDenied", "Request has expired.");
    }

    @Test
    void shouldRefuseFourthFetchAndStopIssuingUrls() {
        // one link, valid for five minutes, fetched again and again
        URI link = csvUrl();
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(link).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> fourth = client.get(link);
        RpcTestClient.Answer getFile = client.getDownloadFile(jobId);

        assertThat(fourth.statusCode()).isEqualTo(403);
        assertThat(fourth.body()).contains("<Code>AccessDenied</Code>");
        assertThat(sandbox.stats().downloads()).isEqualTo(3);
        assertThat(getFile.status()).isEqualTo(400);
        assertThat(getFile.code()).isEqualTo("iot.dap.insight.downloadTimesUpperLimit");
        assertThat(getFile.json().path("ErrorMessage").asText())
                .isEqualTo("the number of current job downloaded tasks exceeded the upper limit");
    }

    @Test
    void shouldResetTheFetchCountOnTheNextShanghaiDay() {
        for (int i = 0; i < 3; i++) {
            client.get(csvUrl());
        }
        // 00:00 the next day in Shanghai
        clock.set(Instant.parse("2025-03-03T16:00:00Z"));

        assertThat(client.get(csvUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRejectTamperedUrlSignature() {
        String url = csvUrl().toString();
        int at = url.indexOf("Signature=") + "Signature=".length();
        String tampered = url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);

        HttpResponse<String> response = client.get(URI.create(tampered));

        assertOssError(response, 403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                        + "Check your key and signing method.");
    }

    @Test
    void shouldRejectUrlWhoseExpiryWasExtended() {
        String url = csvUrl().toString();
        String extended = url.replaceFirst("Expires=(\\d+)", "Expires=9999999999");

        assertOssError(client.get(URI.create(extended)), 403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                        + "Check your key and signing method.");
    }

    @Test
    void shouldRejectUnsignedUrl() {
        URI unsigned = URI.create(sandbox.baseUrl() + "/oss/data/download/" + jobId + "/export.csv");

        assertThat(client.get(unsigned).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldNotCountRefusedFetchesAgainstTheLimit() {
        String url = csvUrl().toString();
        URI tampered = URI.create(url.replaceFirst("Expires=(\\d+)", "Expires=1"));
        for (int i = 0; i < 5; i++) {
            client.get(tampered);
        }

        assertThat(client.get(URI.create(url)).statusCode()).isEqualTo(200);
    }

    private URI csvUrl() {
        RpcTestClient.Answer answer = client.getDownloadFile(jobId);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return URI.create(answer.json().path("Data").path("CsvUrl").asText());
    }

    private static void assertOssError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(response.body()).startsWith("<?xml")
                .contains("<Error>")
                .contains("<Code>" + code + "</Code>")
                .contains("<Message>" + message + "</Message>")
                .contains("<RequestId>");
    }
}
