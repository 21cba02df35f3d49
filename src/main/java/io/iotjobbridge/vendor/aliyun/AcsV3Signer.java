package io.iotjobbridge.vendor.aliyun;

import io.iotjobbridge.vendor.SignatureEncoding;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.iotjobbridge.config.Secret;

/**
 * Alibaba Cloud's V3 request signature, ACS3-HMAC-SHA256, as the current official SDKs send it.
 * A pure function of the request and the secret: the caller supplies date and nonce headers, so a
 * signature can be recomputed byte for byte by the sandbox and checked against the published vectors.
 */
public final class AcsV3Signer {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    public static final String EMPTY_BODY_SHA256 = SignatureEncoding.sha256Hex(new byte[0]);

    private AcsV3Signer() {
    }

    /** Whether a header takes part in the signature: host, content-type and every x-acs-* header. */
    public static boolean isSignedHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("host") || lower.equals("content-type") || lower.startsWith("x-acs-");
    }

    /**
     * @param headers the headers to sign, by any case of name; values are trimmed
     * @param hashedPayload hex SHA-256 of the body, as sent in {@code x-acs-content-sha256}
     */
    public static String canonicalRequest(String method, String path, Map<String, String> query,
                                          Map<String, String> headers, String hashedPayload) {
        SortedMap<String, String> canonicalHeaders = lowerCaseSorted(headers);
        String headerBlock = canonicalHeaders.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        return method + "\n"
                + canonicalPath(path) + "\n"
                + SignatureEncoding.canonicalQuery(query) + "\n"
                + headerBlock + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n"
                + hashedPayload;
    }

    public static String signature(Secret accessKeySecret, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n"
                + SignatureEncoding.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] mac = SignatureEncoding.hmac("HmacSHA256",
                accessKeySecret.reveal().getBytes(StandardCharsets.UTF_8), stringToSign);
        return HexFormat.of().formatHex(mac);
    }

    public static String authorization(String accessKeyId, Map<String, String> signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId
                + ",SignedHeaders=" + String.join(";", lowerCaseSorted(signedHeaders).keySet())
                + ",Signature=" + signature;
    }

    private static String canonicalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return SignatureEncoding.percentEncode(path).replace("%2F", "/");
    }

    private static SortedMap<String, String> lowerCaseSorted(Map<String, String> headers) {
        SortedMap<String, String> sorted = new TreeMap<>();
        headers.forEach((k, v) -> sorted.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
        return sorted;
    }
}
