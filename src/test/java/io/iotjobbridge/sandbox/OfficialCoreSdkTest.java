package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vendor's classic SDK ({@code aliyun-java-sdk-core}, V1 HMAC-SHA1 signatures, every parameter in the query
 * string) against the sandbox, for GET and POST.
 */
class OfficialCoreSdkTest {

    private static final String AK = "core-ak";
    private static final String SECRET = "core-secret";
    private static final long START = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = OfficialSdkClock.middayInShanghaiToday();
    private VendorSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential(AK, Secret.of(SECRET))
                .withClockSkewAllowed(OfficialSdkClock.SKEW_ALLOWED), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void shouldCreateAndPollAJobWithTheCoreSdk(MethodType method) throws Exception {
        DefaultAcsClient sdk = client(SECRET);

        CommonResponse created = sdk.getCommonResponse(createRequest(method));
        JsonNode createdBody = JSON.readTree(created.getData());
        assertThat(created.getHttpStatus()).isEqualTo(200);
        assertThat(createdBody.path("Success").asBoolean()).isTrue();
        String jobId = createdBody.path("Data").path("LongJobId").asText();
        clock.advance(Duration.ofSeconds(5));

        CommonRequest poll = CoreSdkRequests.to(sandbox, method, "GetDownloadFile");
        poll.putQueryParameter("LongJobId", jobId);
        JsonNode file = JSON.readTree(sdk.getCommonResponse(poll).getData());

        assertThat(file.path("Data").path("Status").asInt()).isEqualTo(1);
        assertThat(file.path("Data").path("CsvUrl").asText()).startsWith(sandbox.baseUrl() + "/oss/data/download/");
        assertThat(sandbox.stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("GetDownloadFile")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void shouldRaiseSignatureDoesNotMatchForAWrongSecret(MethodType method) {
        // a 4xx arrives as ClientException, a 5xx as ServerException (its subclass)
        ClientException error = catchThrowableOfType(ClientException.class,
                () -> client("not-" + SECRET).getCommonResponse(createRequest(method)));

        assertThat(error.getErrCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.getErrMsg()).isEqualTo("Specified signature is not matched with our calculation.");
    }

    private DefaultAcsClient client(String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", AK, secret));
    }

    private CommonRequest createRequest(MethodType method) {
        CommonRequest request = CoreSdkRequests.to(sandbox, method, "CreateDownloadDataJob");
        request.putQueryParameter("TableName", "product_info");
        request.putQueryParameter("DownloadDataType", "TABLE");
        request.putQueryParameter("StartTime", Long.toString(START));
        request.putQueryParameter("EndTime", Long.toString(START + 3_600_000));
        request.putQueryParameter("FileConfig", "{\"fileName\":\"core\"}");
        return request;
    }
}
