package io.iotjobbridge.sandbox.huawei;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.vendor.huawei.HuaweiSigner;

/**
 * The claims of an {@code Authorization} header in either scheme the SDK signs with:
 * {@code SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>} or
 * {@code V11-HMAC-SHA256 Credential=<AK>/<yyyyMMdd>/<region>/<service>, SignedHeaders=<a;b>, Signature=<hex>}.
 *
 * @param scope the derivation scope a V11 credential names; null for the plain scheme
 */
record ApigAuthorization(String accessKeyId, String scope, List<String> signedHeaders, String signature) {

    boolean derived() {
        return scope != null;
    }

    /** @throws IotdaRejection when the header is absent or not one of the two forms */
    static ApigAuthorization parse(String header) {
        if (header == null || header.isBlank()) {
            throw IotdaError.authorizationMissing().rejection();
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw IotdaError.signatureMismatch().rejection();
        }
        String algorithm = trimmed.substring(0, space);
        Map<String, String> fields = fields(trimmed.substring(space + 1));
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (signedHeaders == null || signedHeaders.isEmpty() || signature == null || signature.isEmpty()) {
            throw IotdaError.signatureMismatch().rejection();
        }
        List<String> headers = List.of(signedHeaders.split(";"));
        if (HuaweiSigner.SDK_ALGORITHM.equals(algorithm) && notBlank(fields.get("Access"))) {
            return new ApigAuthorization(fields.get("Access"), null, headers, signature);
        }
        String credential = fields.get("Credential");
        if (HuaweiSigner.DERIVED_ALGORITHM.equals(algorithm) && credential != null) {
            int slash = credential.indexOf('/');
            if (slash > 0 && slash < credential.length() - 1) {
                return new ApigAuthorization(credential.substring(0, slash), credential.substring(slash + 1),
                        headers, signature);
            }
        }
        throw IotdaError.signatureMismatch().rejection();
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return fields;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
