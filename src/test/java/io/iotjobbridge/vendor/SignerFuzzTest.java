package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.vendor.aliyun.AcsV3Signer;
import io.iotjobbridge.vendor.aliyun.RpcV1Signer;
import io.iotjobbridge.vendor.huawei.HuaweiSigner;

/**
 * Fuzzes the three request signers: any method, path, parameters, headers, dates and secrets give a well-formed
 * signature, the same one every time, or an IllegalArgumentException. Seeds:
 * {@code src/test/resources/io/iotjobbridge/vendor/SignerFuzzTestInputs/}.
 */
class SignerFuzzTest {

    private static final String HEX_SHA256 = "[0-9a-f]{64}";

    @Guarantee(id = "S8", injection = "Jazzer: any method, path, query, headers and secret for ACS3-HMAC-SHA256",
            expected = "the same hex signature every time, or IllegalArgumentException")
    @FuzzTest(maxDuration = "1m")
    void acsV3SignsAnyRequestTheSameWayEveryTime(FuzzedDataProvider data) {
        String method = data.consumeString(8);
        String path = data.consumeString(64);
        Map<String, String> query = pairs(data);
        Map<String, String> headers = pairs(data);
        String payloadHash = data.consumeString(64);
        Secret secret = Secret.of(data.consumeRemainingAsString());
        try {
            String canonical = AcsV3Signer.canonicalRequest(method, path, query, headers, payloadHash);
            String signature = AcsV3Signer.signature(secret, canonical);
            assertThat(signature).matches(HEX_SHA256);
            assertThat(AcsV3Signer.canonicalRequest(method, path, query, headers, payloadHash)).isEqualTo(canonical);
            assertThat(AcsV3Signer.signature(secret, canonical)).isEqualTo(signature);
            assertThat(AcsV3Signer.authorization("ak", headers, signature)).endsWith("Signature=" + signature);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Guarantee(id = "S8", injection = "Jazzer: any method, parameters and secret for the RPC HMAC-SHA1 signature",
            expected = "the same Base64 signature every time, or IllegalArgumentException")
    @FuzzTest(maxDuration = "1m")
    void rpcV1SignsAnyParametersTheSameWayEveryTime(FuzzedDataProvider data) {
        String method = data.consumeString(8);
        Map<String, String> params = pairs(data);
        Secret secret = Secret.of(data.consumeRemainingAsString());
        try {
            String stringToSign = RpcV1Signer.stringToSign(method, params);
            String signature = RpcV1Signer.signature(secret, stringToSign);
            assertThat(signature).matches("[A-Za-z0-9+/]{27}=");
            assertThat(RpcV1Signer.signature(secret, RpcV1Signer.stringToSign(method, params))).isEqualTo(signature);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Guarantee(id = "S8", injection = "Jazzer: any request, date, region, AK and SK for SDK- and V11-HMAC-SHA256",
            expected = "the same hex signatures every time, or IllegalArgumentException")
    @FuzzTest(maxDuration = "1m")
    void huaweiSignsAnyRequestTheSameWayEveryTime(FuzzedDataProvider data) {
        String method = data.consumeString(8);
        String path = data.consumeString(64);
        Map<String, List<String>> query = new LinkedHashMap<>();
        pairs(data).forEach((name, value) -> query.put(name, List.of(value, data.consumeString(8))));
        Map<String, String> headers = pairs(data);
        List<String> signed = List.copyOf(headers.keySet());
        String sdkDate = data.consumeString(20);
        String region = data.consumeString(16);
        String accessKeyId = data.consumeString(32);
        Secret secret = Secret.of(data.consumeRemainingAsString());
        try {
            String canonical = HuaweiSigner.canonicalRequest(method, path, query, headers, signed, "hash");
            String sdk = HuaweiSigner.sdkSignature(secret, sdkDate, canonical);
            String derived = HuaweiSigner.derivedSignature(accessKeyId, secret, sdkDate, region, "iotdm", canonical);
            assertThat(sdk).matches(HEX_SHA256);
            assertThat(derived).matches(HEX_SHA256);
            assertThat(HuaweiSigner.canonicalRequest(method, path, query, headers, signed, "hash")).isEqualTo(canonical);
            assertThat(HuaweiSigner.sdkSignature(secret, sdkDate, canonical)).isEqualTo(sdk);
            assertThat(HuaweiSigner.derivedSignature(accessKeyId, secret, sdkDate, region, "iotdm", canonical))
                    .isEqualTo(derived);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** A few name/value pairs; names unique, as in a header or parameter map. */
    private static Map<String, String> pairs(FuzzedDataProvider data) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            pairs.put(data.consumeString(16), data.consumeString(32));
        }
        return pairs;
    }
}
