package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.iotjobbridge.vendor.aliyun.AcsV3Signer;
import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Reads a V3 (ACS3-HMAC-SHA256) request: Action and Version from {@code x-acs-*} headers, the credential and the
 * signed header list from {@code Authorization}. The check recomputes the canonical request over exactly the headers
 * the client said it signed, as the gateway does.
 */
final class AcsV3Scheme {

    static final String AUTHORIZATION_PREFIX = AcsV3Signer.ALGORITHM + " ";

    private static final List<String> REQUIRED_HEADERS = List.of(
            "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    private AcsV3Scheme() {
    }

    static boolean appliesTo(RpcHttpRequest request) {
        String authorization = request.header("authorization");
        return authorization != null && authorization.startsWith(AUTHORIZATION_PREFIX);
    }

    static SignedRequest read(RpcHttpRequest request) {
        for (String name : REQUIRED_HEADERS) {
            String value = request.header(name);
            if (value == null || value.isBlank()) {
                throw GatewayError.missingParameter(name).rejection();
            }
        }
        Authorization authorization = Authorization.parse(request.header("authorization"));
        // the V3 rules: every x-acs-* header sent, and host, must be under the signature
        boolean coversRequiredHeaders = authorization.signedHeaders().contains("host")
                && request.headers().keySet().stream()
                        .filter(name -> name.startsWith("x-acs-"))
                        .allMatch(authorization.signedHeaders()::contains);
        if (!coversRequiredHeaders) {
            throw GatewayError.incompleteSignature().rejection();
        }
        return new SignedRequest(authorization.accessKeyId(), request.header("x-acs-action"),
                request.header("x-acs-version"), request.header("x-acs-date"), request.header("x-acs-signature-nonce"),
                request.params(), WireFormat.JSON,
                secret -> {
                    String claimedBodyHash = request.header("x-acs-content-sha256");
                    if (!claimedBodyHash.equalsIgnoreCase(SignatureEncoding.sha256Hex(request.body()))) {
                        return false;
                    }
                    Map<String, String> signedHeaders = new LinkedHashMap<>();
                    authorization.signedHeaders().forEach(name -> signedHeaders.put(name,
                            request.headers().getOrDefault(name, "")));
                    String canonical = AcsV3Signer.canonicalRequest(request.method(), request.path(), request.query(),
                            signedHeaders, claimedBodyHash);
                    byte[] expected = AcsV3Signer.signature(secret, canonical).getBytes(StandardCharsets.US_ASCII);
                    byte[] provided = authorization.signature().toLowerCase(Locale.ROOT)
                            .getBytes(StandardCharsets.US_ASCII);
                    return MessageDigest.isEqual(expected, provided);
                });
    }

    /** {@code ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex}, any field order. */
    private record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : header.substring(AUTHORIZATION_PREFIX.length()).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            String credential = fields.get("Credential");
            String signedHeaders = fields.get("SignedHeaders");
            String signature = fields.get("Signature");
            if (isBlank(credential) || isBlank(signedHeaders) || isBlank(signature)) {
                throw GatewayError.incompleteSignature().rejection();
            }
            List<String> names = Arrays.stream(signedHeaders.split(";"))
                    .map(n -> n.trim().toLowerCase(Locale.ROOT))
                    .filter(n -> !n.isEmpty())
                    .toList();
            return new Authorization(credential, names, signature);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
