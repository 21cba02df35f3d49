package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.DerivedAKSKSigner;
import com.huaweicloud.sdk.core.auth.IAKSKSigner;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SDK 3.1.143 has no export-task models, so the export calls are signed here with the SDK's own core signers
 * ({@link AKSKSigner}, {@link DerivedAKSKSigner}) over its {@link HttpRequest}, and sent with the JDK client: the
 * sandbox must accept both signatures for CreateExportTask, ListExportTasks and the file download.
 */
class OfficialSdkSignerExportTest {

    private static final String AK = "signer-ak-0123456789";
    private static final String SK = "signer-secret-abcdefghij";
    private static final String PROJECT = "4c1f7e0d9a3b4e2f8d6c5b4a39281706";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // the SDK signers stamp the real time
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private VendorSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK)), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest(name = "derived signing: {0}")
    @ValueSource(booleans = {false, true})
    void shouldExportListAndDownloadWithTheSdkSigners(boolean derived) throws IOException {
        String batchTaskId = JSON.readTree(send(derived, HttpMethod.GET, "batchtasks",
                Map.of("task_type", "firmwareUpgrade", "limit", "1"), "").body())
                .path("batchtasks").path(0).path("task_id").asText();

        HttpResponse<byte[]> created = send(derived, HttpMethod.POST, "export-tasks", Map.of(),
                "{\"resource_type\":\"BatchTask\",\"resource_condition\":{\"task_id\":\"" + batchTaskId + "\"},"
                        + "\"export_format\":\"xls\",\"app_type\":\"GLOBAL\"}");
        String exportTaskId = JSON.readTree(created.body()).path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(5));
        JsonNode listed = JSON.readTree(send(derived, HttpMethod.GET, "export-tasks", Map.of("limit", "10"), "")
                .body());
        HttpResponse<byte[]> file = send(derived, HttpMethod.GET, "export-tasks/" + exportTaskId + "/file",
                Map.of(), "");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(listed.path("export_tasks").path(0).path("export_task_id").asText()).isEqualTo(exportTaskId);
        assertThat(listed.path("export_tasks").path(0).path("status").asText()).isEqualTo("Success");
        assertThat(file.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file.body()))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry.getName()).startsWith(batchTaskId + "_").endsWith(".xls");
        }
        assertThat(sandbox.stats().callsOf("CreateExportTask")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("ListExportTasks")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("ShowExportTask")).isEqualTo(1);
        assertThat(sandbox.stats().rejections()).isEmpty();
    }

    /** Signs with the SDK's signer for the scheme and sends exactly the headers it signed. */
    private HttpResponse<byte[]> send(boolean derived, HttpMethod method, String resource, Map<String, String> query,
                                      String body) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withEndpoint("http://127.0.0.1:" + sandbox.baseUrl().getPort())
                .withPath("/v5/iot/" + PROJECT + "/" + resource)
                .withMethod(method);
        query.forEach((name, value) -> builder.addQueryParam(name, List.of(value)));
        if (!body.isEmpty()) {
            builder.withContentType("application/json").addHeader("Content-Type", "application/json")
                    .withBodyAsString(body);
        }
        HttpRequest request = builder.build();
        BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT);
        IAKSKSigner signer = AKSKSigner.getInstance();
        if (derived) {
            credentials.processDerivedAuthParams("iotdm", "cn-north-4");
            signer = DerivedAKSKSigner.getInstance();
        }
        Map<String, String> signedHeaders = signer.sign(request, credentials);

        java.net.http.HttpRequest.Builder wire = java.net.http.HttpRequest.newBuilder(URI.create(
                        request.getUrl().toString()))
                .method(method.name(), body.isEmpty() ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        request.getHeaders().forEach((name, values) -> wire.header(name, values.get(0)));
        // Host is set by the JDK client to the same authority the signer signed
        signedHeaders.forEach((name, value) -> {
            if (!"Host".equalsIgnoreCase(name)) {
                wire.header(name, value);
            }
        });
        assertThat(signedHeaders.get("Authorization"))
                .startsWith(derived ? "V11-HMAC-SHA256 Credential=" + AK + "/" : "SDK-HMAC-SHA256 Access=" + AK);
        try {
            return HTTP.send(wire.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
