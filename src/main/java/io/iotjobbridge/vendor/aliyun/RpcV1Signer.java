package io.iotjobbridge.vendor.aliyun;

import io.iotjobbridge.vendor.SignatureEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.iotjobbridge.config.Secret;

/**
 * Alibaba Cloud's classic RPC signature (SignatureVersion 1.0, HMAC-SHA1), as older official SDKs send it.
 * The bridge itself signs with V3; this signer exists so the sandbox accepts what those SDKs send.
 */
public final class RpcV1Signer {

    public static final String SIGNATURE_PARAM = "Signature";

    private RpcV1Signer() {
    }

    /** {@code METHOD&%2F&percentEncode(canonicalQuery)} over every parameter except {@code Signature}. */
    public static String stringToSign(String method, Map<String, String> params) {
        Map<String, String> signed = new HashMap<>(params);
        signed.remove(SIGNATURE_PARAM);
        return method + "&" + SignatureEncoding.percentEncode("/") + "&"
                + SignatureEncoding.percentEncode(SignatureEncoding.canonicalQuery(signed));
    }

    public static String signature(Secret accessKeySecret, String stringToSign) {
        // the key is the secret followed by '&': the RPC scheme reserves room for a token secret after it
        byte[] key = (accessKeySecret.reveal() + "&").getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(SignatureEncoding.hmac("HmacSHA1", key, stringToSign));
    }
}
