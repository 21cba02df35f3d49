package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.vendor.aliyun.RpcV1Signer;

/**
 * Reads a classic RPC request (SignatureVersion 1.0, HMAC-SHA1): every common parameter travels with the business
 * ones, in the query string or the form body, and the signature covers all of them but {@code Signature} itself,
 * together with the HTTP method actually used.
 */
final class RpcV1Scheme {

    private static final List<String> REQUIRED_PARAMS = List.of("AccessKeyId", "Action", "Version", "Timestamp",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", RpcV1Signer.SIGNATURE_PARAM);

    private RpcV1Scheme() {
    }

    static SignedRequest read(RpcHttpRequest request) {
        Map<String, String> params = request.params();
        for (String name : REQUIRED_PARAMS) {
            String value = params.get(name);
            if (value == null || value.isEmpty()) {
                throw GatewayError.missingParameter(name).rejection();
            }
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod")) || !"1.0".equals(params.get("SignatureVersion"))) {
            throw GatewayError.incompleteSignature().rejection();
        }
        byte[] provided = params.get(RpcV1Signer.SIGNATURE_PARAM).getBytes(StandardCharsets.US_ASCII);
        return new SignedRequest(params.get("AccessKeyId"), params.get("Action"), params.get("Version"),
                params.get("Timestamp"), params.get("SignatureNonce"), params, WireFormat.forV1(params),
                secret -> {
                    String expected = RpcV1Signer.signature(secret,
                            RpcV1Signer.stringToSign(request.method(), params));
                    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), provided);
                });
    }
}
