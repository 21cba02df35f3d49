package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.aliyun.RpcV1Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's checks, with hand-signed raw HTTP: each refusal has the vendor's code, message and HTTP status. */
class SandboxGatewayTest {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2025-03-03T04:00:00Z");
    private static final Map<String, String> GET_FILE = Map.of("LongJobId", "no-such-job");

    private final MutableClock clock = new MutableClock(NOON_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private RpcTestClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential("test-ak", Secret.of("test-secret")),
                clock);
        client = new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldPassAWellSignedV3CallToTheAction() {
        HttpResponse<String> response = client.send(client.v3("GetDownloadFile", GET_FILE, Map.of()));

        // past the gateway: the business layer answers, in the IoT envelope
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = RpcTestClient.json(response);
        assertThat(body.path("Success").asBoolean(true)).isFalse();
        assertThat(body.path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
        assertThat(body.path("ErrorMessage").asText()).isEqualTo("request param error.");
        assertThat(response.headers().firstValue("x-acs-request-id")).contains(body.path("RequestId").asText());
    }

    @Test
    void shouldRejectTamperedV3Signature() {
        RpcTestClient.Prepared signed = client.v3("GetDownloadFile", GET_FILE, Map.of());
        String authorization = signed.headers().get("Authorization");
        char last = authorization.charAt(authorization.length() - 1);
        String tampered = authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0');

        HttpResponse<String> response = client.send(signed.withHeader("Authorization", tampered));

        assertGatewayError(response, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }

    @Test
    void shouldRejectV3BodyThatDoesNotMatchItsContentHash() {
        RpcTestClient.Prepared signed = client.v3("GetDownloadFile", Map.of(), Map.of("LongJobId", "job-a"));

        HttpResponse<String> response = client.send(signed.withBody("LongJobId=job-b"));

        assertGatewayError(response, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }

    @Test
    void shouldRejectWrongSecret() {
        HttpResponse<String> response = client.withSecret(Secret.of("not-the-secret"))
                .send(client.withSecret(Secret.of("not-the-secret")).v3("GetDownloadFile", GET_FILE, Map.of()));

        assertGatewayError(response, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }

    @Test
    void shouldRejectUnknownAccessKeyId() {
        RpcTestClient stranger = client.withAccessKeyId("who-is-this");

        HttpResponse<String> response = stranger.send(stranger.v3("GetDownloadFile", GET_FILE, Map.of()));

        assertGatewayError(response, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    @Test
    void shouldRejectStaleTimestamp() {
        RpcTestClient.Prepared signedNow = client.v3("GetDownloadFile", GET_FILE, Map.of());
        clock.advance(Duration.ofMinutes(16));

        HttpResponse<String> response = client.send(signedNow);

        assertGatewayError(response, 400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    @Test
    void shouldAcceptTimestampJustInsideTheSkew() {
        RpcTestClient.Prepared signedNow = client.v3("GetDownloadFile", GET_FILE, Map.of());
        clock.advance(Duration.ofMinutes(15));

        HttpResponse<String> response = client.send(signedNow);

        assertThat(RpcTestClient.json(response).path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
    }

    @Test
    void shouldRejectTimestampFromTheFuture() {
        Instant later = clock.instant().plus(Duration.ofMinutes(16));

        HttpResponse<String> response = client.send(
                client.v3("GetDownloadFile", RpcTestClient.VERSION, GET_FILE, Map.of(), later, "nonce-future"));

        assertGatewayError(response, 400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    @Test
    void shouldRejectReusedNonce() {
        Instant now = clock.instant();
        HttpResponse<String> first = client.send(
                client.v3("GetDownloadFile", RpcTestClient.VERSION, GET_FILE, Map.of(), now, "nonce-1"));
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> replay = client.send(
                client.v3("GetDownloadFile", RpcTestClient.VERSION, Map.of("LongJobId", "other"), Map.of(), now, "nonce-1"));

        assertThat(RpcTestClient.json(first).path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
        assertGatewayError(replay, 400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    @Test
    void shouldNotLetAForgedRequestBurnANonce() {
        Instant now = clock.instant();
        RpcTestClient forger = client.withSecret(Secret.of("guess"));
        forger.send(forger.v3("GetDownloadFile", RpcTestClient.VERSION, GET_FILE, Map.of(), now, "nonce-2"));

        HttpResponse<String> genuine = client.send(
                client.v3("GetDownloadFile", RpcTestClient.VERSION, GET_FILE, Map.of(), now, "nonce-2"));

        assertThat(RpcTestClient.json(genuine).path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
    }

    @Test
    void shouldRejectV3RequestThatLeavesAnAcsHeaderUnsigned() {
        RpcTestClient.Prepared signed = client.v3("GetDownloadFile", GET_FILE, Map.of());

        HttpResponse<String> response = client.send(signed.withHeader("x-acs-extra", "unsigned"));

        assertGatewayError(response, 400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
    }

    @Test
    void shouldRejectV3RequestWithoutNonce() {
        RpcTestClient.Prepared signed = client.v3("GetDownloadFile", GET_FILE, Map.of());
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("x-acs-signature-nonce");

        HttpResponse<String> response = client.send(
                new RpcTestClient.Prepared(signed.method(), signed.uri(), headers, signed.body()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RpcTestClient.json(response).path("Code").asText()).isEqualTo("MissingParameter");
    }

    @Test
    void shouldRejectUnknownAction() {
        HttpResponse<String> response = client.send(client.v3("DeleteEverything", Map.of(), Map.of()));

        assertGatewayError(response, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
    }

    @Test
    void shouldRejectOtherApiVersion() {
        HttpResponse<String> response = client.send(client.v3("GetDownloadFile", "2022-01-01", GET_FILE, Map.of(),
                clock.instant(), "nonce-3"));

        assertGatewayError(response, 400, "InvalidVersion", "Specified parameter Version is not valid.");
    }

    @Test
    void shouldAcceptV1GetWithEverythingInTheQuery() {
        HttpResponse<String> response = client.send(client.v1InQuery("GET", "GetDownloadFile", GET_FILE));

        assertThat(RpcTestClient.json(response).path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
    }

    @Test
    void shouldAcceptV1PostWithEverythingInTheQuery() {
        HttpResponse<String> response = client.send(client.v1InQuery("POST", "GetDownloadFile", GET_FILE));

        assertThat(RpcTestClient.json(response).path("Code").asText()).isEqualTo("iot.dap.insight.requestParamError");
    }

    @Test
    void shouldAcceptV1PostWithEverythingInTheFormBody() {
        HttpResponse<String> response = client.send(client.v1InForm("CreateDownloadDataJob", Map.of(
                "TableName", "tbl", "DownloadDataType", "TABLE", "StartTime", "1000", "EndTime", "2000")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RpcTestClient.json(response).path("Data").path("LongJobId").asText()).isNotBlank();
    }

    @Test
    void shouldRejectV1SignedForAnotherMethod() {
        RpcTestClient.Prepared signedForGet = client.v1InQuery("GET", "GetDownloadFile", GET_FILE);

        HttpResponse<String> response = client.send(new RpcTestClient.Prepared("POST", signedForGet.uri(),
                signedForGet.headers(), ""));

        assertGatewayError(response, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }

    @Test
    void shouldRejectV1WithoutTimestamp() {
        HttpResponse<String> response = client.send(client.raw("GET", Map.of("AccessKeyId", "test-ak",
                "Action", "GetDownloadFile", "Version", RpcTestClient.VERSION, "Format", "JSON",
                "SignatureMethod", "HMAC-SHA1", "SignatureVersion", "1.0", "SignatureNonce", "n", "Signature", "x")));

        assertGatewayError(response, 400, "MissingParameter",
                "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied.");
    }

    @Test
    void shouldAnswerV1InXmlWhenFormatIsNotJson() {
        Map<String, String> params = new LinkedHashMap<>(
                client.v1Params("GET", "GetDownloadFile", GET_FILE, clock.instant(), "nonce-xml"));
        params.remove("Signature");
        params.put("Format", "XML");
        params.put("Signature", RpcV1Signer.signature(Secret.of("test-secret"),
                RpcV1Signer.stringToSign("GET", params)));

        HttpResponse<String> response = client.send(client.raw("GET", params));

        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml;charset=utf-8");
        assertThat(response.body()).contains("<GetDownloadFileResponse>")
                .contains("<Code>iot.dap.insight.requestParamError</Code>")
                .contains("<Success>false</Success>");
    }
}
