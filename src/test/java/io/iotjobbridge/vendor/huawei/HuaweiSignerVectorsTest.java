package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;
import org.junit.jupiter.api.Test;

/** The published vectors of both Huawei schemes (see vendor-apis.md §4), recomputed through the bridge's signer. */
class HuaweiSignerVectorsTest {

    private static final String EMPTY_BODY = SignatureEncoding.sha256Hex(new byte[0]);

    @Test
    void javaSdkAkSkVectorSignsEveryHeaderWithTrailingSlashPath() {
        Map<String, String> headers = Map.of("content-type", "application/json",
                "host", "service.region.example.com", "x-sdk-date", "20191115T033655Z");
        List<String> signed = List.of("content-type", "host", "x-sdk-date");
        String canonical = HuaweiSigner.canonicalRequest("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                Map.of("limit", List.of("2"), "marker", List.of("13551d6b-755d-4757-b956-536f674975c0")),
                headers, signed, EMPTY_BODY);

        String signature = HuaweiSigner.sdkSignature(Secret.of("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
                "20191115T033655Z", canonical);

        assertThat(signature).isEqualTo("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
        assertThat(HuaweiSigner.sdkAuthorization("QTWAOYTTINDUT2QVKYUC", signed, signature)).isEqualTo(
                "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
                        + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    }

    @Test
    void goSdkGetVectorsForBothSchemes() {
        String canonical = goCanonical("GET", EMPTY_BODY);

        assertThat(HuaweiSigner.sdkSignature(Secret.of("SecretKey"), "20060102T150405Z", canonical))
                .isEqualTo("eb70b3a0caf6633a8b8e4317622d8a0f6819821ec84896ceb7739a57e2d9ed76");
        assertThat(HuaweiSigner.derivedSignature("AccessKey", Secret.of("SecretKey"), "20060102T150405Z",
                "test-region-1", "demo", canonical))
                .isEqualTo("5579214897b4b5def742b24620946119573bccdfe7b2ea7c720e64f1a0944d07");
    }

    @Test
    void goSdkPostVectorsHashTheBody() {
        String body = SignatureEncoding.sha256Hex("{\"Name\":\"test\",\"Id\":1}\n".getBytes(StandardCharsets.UTF_8));
        String canonical = goCanonical("POST", body);

        assertThat(HuaweiSigner.sdkSignature(Secret.of("SecretKey"), "20060102T150405Z", canonical))
                .isEqualTo("7f587e76874c5079f7e98769ab285ee75bea28e30110ab10dec4fc4d12c32f62");
        assertThat(HuaweiSigner.derivedSignature("AccessKey", Secret.of("SecretKey"), "20060102T150405Z",
                "test-region-1", "demo", canonical))
                .isEqualTo("638f6f0deca2285bf3af0dfd7b186b447e60ed8611d4c6c93537aa8711b9bce9");
    }

    @Test
    void newerGoSdkVectorSignsTheQuery() {
        String canonical = HuaweiSigner.canonicalRequest("GET", "/path", Map.of("limit", List.of("1")),
                Map.of("x-sdk-date", "20060102T150405Z"), List.of("x-sdk-date"), EMPTY_BODY);

        assertThat(HuaweiSigner.sdkSignature(Secret.of("SecretKey"), "20060102T150405Z", canonical))
                .isEqualTo("5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624");
    }

    @Test
    void derivedKeyIsHkdfOfSecretSaltedWithAccessKey() {
        assertThat(HuaweiSigner.derivedKey("AccessKey", Secret.of("SecretKey"),
                HuaweiSigner.derivationScope("20060102T150405Z", "test-region-1", "demo")))
                .isEqualTo("fded840bf50eb1da840c631cec6649d58c4df22167c366bce4534ec85997f429");
    }

    @Test
    void hkdfMatchesGoSdkAndRfc5869TestCase1() {
        assertThat(HexFormat.of().formatHex(Hkdf.sha256(bytes("secret"), bytes("salt"), bytes("info"), 16)))
                .isEqualTo("f6d2fcc47cb939deafe3853a1e641a27");
        byte[] ikm = HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
        byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HexFormat.of().formatHex(Hkdf.sha256(ikm, salt, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void canonicalUriEncodesSegmentsAndEndsWithSlash() {
        assertThat(HuaweiSigner.canonicalUri("/")).isEqualTo("/");
        assertThat(HuaweiSigner.canonicalUri("/v5/iot/p 1/export-tasks")).isEqualTo("/v5/iot/p%201/export-tasks/");
    }

    @Test
    void schemeIsChosenByEndpointAsTheSdkChoosesIt() {
        assertThat(HuaweiSigner.usesDerivedSigning("iotda.cn-north-4.myhuaweicloud.com")).isFalse();
        assertThat(HuaweiSigner.usesDerivedSigning("iotda.myhuaweicloud.com")).isFalse();
        assertThat(HuaweiSigner.usesDerivedSigning("a1b2c3d4e5.st1.iotda-app.cn-north-4.myhuaweicloud.com")).isTrue();
        assertThat(HuaweiSigner.usesDerivedSigning("127.0.0.1")).isTrue();
    }

    /** The Go test signed only X-Sdk-Date and, at that commit, no query. */
    private static String goCanonical(String method, String payloadHash) {
        return HuaweiSigner.canonicalRequest(method, "/path", Map.of(), Map.of("x-sdk-date", "20060102T150405Z"),
                List.of("x-sdk-date"), payloadHash);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
