package io.iotjobbridge.vendor.aliyun;

import io.iotjobbridge.vendor.SignatureEncoding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.Test;

/** Both Alibaba signature versions against the vectors published by the vendor and its SDK tests. */
class AliyunSignerVectorsTest {

    @Test
    void v3SignatureMatchesTheOfficialRunInstancesExample() {
        Map<String, String> query = Map.of(
                "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
                "RegionId", "cn-shanghai");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", AcsV3Signer.EMPTY_BODY_SHA256);

        String canonical = AcsV3Signer.canonicalRequest("POST", "/", query, headers, AcsV3Signer.EMPTY_BODY_SHA256);

        assertThat(SignatureEncoding.sha256Hex(canonical.getBytes()))
                .isEqualTo("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        String signature = AcsV3Signer.signature(Secret.of("YourAccessKeySecret"), canonical);
        assertThat(signature).isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
        assertThat(AcsV3Signer.authorization("YourAccessKeyId", headers, signature)).isEqualTo(
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                        + "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=" + signature);
    }

    @Test
    void v1SignatureMatchesTheOfficialDescribeRegionsExample() {
        Map<String, String> params = Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26");

        String stringToSign = RpcV1Signer.stringToSign("GET", params);

        assertThat(stringToSign).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(RpcV1Signer.signature(Secret.of("testsecret"), stringToSign)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assertThat(RpcV1Signer.signature(Secret.of("testsecret"), RpcV1Signer.stringToSign("POST", params)))
                .isEqualTo("MxbnVAM4w6sft9xjVpe/GCKueuk=");
    }

    @Test
    void v1SignatureIgnoresTheSignatureParameterAndMatchesTheDarabonbaVector() {
        Map<String, String> params = Map.of("query", "test", "body", "test", "Signature", "anything");

        String stringToSign = RpcV1Signer.stringToSign("GET", params);

        assertThat(stringToSign).isEqualTo("GET&%2F&body%3Dtest%26query%3Dtest");
        assertThat(RpcV1Signer.signature(Secret.of("secret"), stringToSign)).isEqualTo("XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
    }

    @Test
    void percentEncodingFollowsTheGatewayRules() {
        assertThat(SignatureEncoding.percentEncode("a b*c~d+/=")).isEqualTo("a%20b%2Ac~d%2B%2F%3D");
    }
}
