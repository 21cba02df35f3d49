package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.aliyun.iot20180120.Client;
import com.aliyun.iot20180120.models.CreateDownloadDataJobRequest;
import com.aliyun.iot20180120.models.CreateDownloadDataJobResponse;
import com.aliyun.iot20180120.models.GetDownloadFileRequest;
import com.aliyun.iot20180120.models.GetDownloadFileResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor's current SDK ({@code com.aliyun:iot20180120}, V3 ACS3-HMAC-SHA256 signatures) against the sandbox,
 * unchanged but for the endpoint and plain HTTP.
 */
class OfficialTeaSdkTest {

    private static final String AK = "tea-ak";
    private static final String SECRET = "tea-secret";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final long CSV_BYTES = 200_000;

    private final MutableClock clock = OfficialSdkClock.middayInShanghaiToday();
    private VendorSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential(AK, Secret.of(SECRET))
                .withCsvBytes(CSV_BYTES)
                .withClockSkewAllowed(OfficialSdkClock.SKEW_ALLOWED), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldRunTheWholeDownloadFlowWithTheTeaSdk() throws Exception {
        Client sdk = client(SECRET);

        CreateDownloadDataJobResponse created = sdk.createDownloadDataJob(request(START, START + DAY_MS));
        assertThat(created.getStatusCode()).isEqualTo(200);
        assertThat(created.getBody().getSuccess()).isTrue();
        assertThat(created.getBody().getData().getStatus()).isEqualTo(-1);
        assertThat(created.getBody().getData().getAsyncExecute()).isTrue();
        String jobId = created.getBody().getData().getLongJobId();
        assertThat(jobId).isNotBlank();

        // defaults: 0.5 s initializing, 0.5 s queued, 1.5 s running; poll as the bridge would, moving time instead
        int status = Integer.MIN_VALUE;
        GetDownloadFileResponse file = null;
        for (int poll = 0; poll < 10 && status != 1; poll++) {
            file = sdk.getDownloadFile(new GetDownloadFileRequest().setLongJobId(jobId).setIotInstanceId("iot-sandbox"));
            status = file.getBody().getData().getStatus();
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(status).isEqualTo(1);
        assertThat(file.getBody().getData().getCsvFileName()).isEqualTo("fileName01.csv");
        assertThat(file.getBody().getData().getTotalCount()).isEqualTo(SyntheticCsv.rowCount(CSV_BYTES));

        HttpResponse<InputStream> csv = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(file.getBody().getData().getCsvUrl())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(CsvDigests.sha256(csv.body())).isEqualTo(CsvDigests.sha256(SyntheticCsv.open(jobId, CSV_BYTES)));
    }

    @Test
    void shouldRaiseSignatureDoesNotMatchForAWrongSecret() {
        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client("not-" + SECRET).createDownloadDataJob(request(START, START + DAY_MS)));

        assertThat(error.getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.getStatusCode()).isEqualTo(400);
    }

    @Test
    void shouldRaiseQueryTimeMoreThanQueryDaysForAFourDayRange() {
        TeaException error = catchThrowableOfType(TeaException.class,
                () -> client(SECRET).createDownloadDataJob(request(START, START + 4 * DAY_MS)));

        assertThat(error.getCode()).isEqualTo("iot.dap.insight.queryTimeMoreThanQueryDays");
        assertThat(error.getStatusCode()).isEqualTo(400);
    }

    @Test
    void shouldRaiseConcurrenceLimitForASecondJobWhileTheFirstRuns() throws Exception {
        Client sdk = client(SECRET);
        sdk.createDownloadDataJob(request(START, START + DAY_MS));
        clock.advance(Duration.ofSeconds(1));

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> sdk.createDownloadDataJob(request(START, START + DAY_MS)));

        assertThat(error.getCode()).isEqualTo("iot.dap.insight.processDownloadJobMoreConcurrenceCount");
    }

    @Test
    void shouldRaiseTaskNumberLimitForTheFourthJobOfTheDay() throws Exception {
        Client sdk = client(SECRET);
        for (int i = 0; i < 3; i++) {
            assertThat(sdk.createDownloadDataJob(request(START, START + DAY_MS)).getBody().getSuccess()).isTrue();
            // let each job finish so only the daily quota can stop the next one
            clock.advance(Duration.ofSeconds(5));
        }

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> sdk.createDownloadDataJob(request(START, START + DAY_MS)));

        assertThat(error.getCode()).isEqualTo("iot.dap.insight.downloadTaskNumUpperLimit");
    }

    private Client client(String secret) throws Exception {
        Config config = new Config()
                .setAccessKeyId(AK)
                .setAccessKeySecret(secret)
                .setEndpoint("127.0.0.1:" + sandbox.baseUrl().getPort())
                .setProtocol("HTTP");
        return new Client(config);
    }

    private static CreateDownloadDataJobRequest request(long startMs, long endMs) {
        return new CreateDownloadDataJobRequest()
                .setTableName("product_info")
                .setDownloadDataType("TABLE")
                .setStartTime(startMs)
                .setEndTime(endMs)
                .setFileConfig(Map.of("fileName", "fileName01"))
                .setIotInstanceId("iot-sandbox");
    }
}
