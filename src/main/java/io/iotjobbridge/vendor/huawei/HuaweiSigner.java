package io.iotjobbridge.vendor.huawei;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Huawei Cloud API Gateway request signing, both schemes the official SDK uses: {@code SDK-HMAC-SHA256} (plain AK/SK)
 * and {@code V11-HMAC-SHA256} (a per-day, per-region key derived from the SK with HKDF). The canonical request is
 * the same for both; only the string to sign and the key differ. Used by the bridge to sign and by the sandbox to
 * verify, so the two can never disagree about the algorithm.
 */
public final class HuaweiSigner {

    public static final String SDK_ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DERIVED_ALGORITHM = "V11-HMAC-SHA256";
    public static final String DATE_HEADER = "x-sdk-date";
    /** The service name IoTDA clients derive their keys for ({@code IoTDAClient.newBuilder()}). */
    public static final String IOTDA_DERIVED_SERVICE = "iotdm";

    /**
     * The SDK's {@code Constants.DEFAULT_ENDPOINT_REG}: regional service endpoints match it and are signed with plain
     * AK/SK; anything else (instance endpoints such as {@code xxxx.st1.iotda-app.cn-north-4.myhuaweicloud.com})
     * gets the derived scheme.
     */
    private static final Pattern REGIONAL_ENDPOINT =
            Pattern.compile("^[a-z][a-z0-9-]+(\\.[a-z]{2,}-[a-z]+-\\d{1,2})?\\.(my)?(huaweicloud|myhwclouds).(com|cn)");

    private static final Pattern SDK_DATE = Pattern.compile("\\d{8}T\\d{6}Z");

    private HuaweiSigner() {
    }

    /** Whether the official SDK would sign calls to {@code host} with {@link #DERIVED_ALGORITHM}. */
    public static boolean usesDerivedSigning(String host) {
        return !REGIONAL_ENDPOINT.matcher(host).find();
    }

    /**
     * The canonical request over exactly {@code signedHeaders} (lower-case names, sorted by the caller's list).
     *
     * @param headers     lower-case header names to values
     * @param payloadHash hex SHA-256 of the body ({@code X-Sdk-Content-Sha256} when the client sent one)
     */
    public static String canonicalRequest(String method, String path, Map<String, List<String>> query,
                                          Map<String, String> headers, List<String> signedHeaders,
                                          String payloadHash) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            canonicalHeaders.append(name).append(':').append(headers.getOrDefault(name, "").trim()).append('\n');
        }
        return String.join("\n", method, canonicalUri(path), canonicalQuery(query), canonicalHeaders.toString(),
                String.join(";", signedHeaders), payloadHash);
    }

    /** Every path segment percent-encoded and followed by '/': the SDK's form, trailing slash included. */
    static String canonicalUri(String path) {
        String joined = Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> SignatureEncoding.percentEncode(segment) + "/")
                .collect(Collectors.joining());
        return "/" + joined;
    }

    /** Sorted by name, repeated values sorted too, each name and value percent-encoded. */
    static String canonicalQuery(Map<String, List<String>> query) {
        SortedMap<String, List<String>> sorted = new TreeMap<>();
        query.forEach((name, values) -> sorted.put(SignatureEncoding.percentEncode(name),
                values.stream().map(v -> SignatureEncoding.percentEncode(v == null ? "" : v)).sorted().toList()));
        return sorted.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                .collect(Collectors.joining("&"));
    }

    /** {@code SDK-HMAC-SHA256}: HMAC over the string to sign, keyed with the SK itself. */
    public static String sdkSignature(Secret secretKey, String sdkDate, String canonicalRequest) {
        String stringToSign = SDK_ALGORITHM + "\n" + sdkDate + "\n" + SignatureEncoding.sha256Hex(utf8(canonicalRequest));
        return hex(SignatureEncoding.hmac("HmacSHA256", utf8(secretKey.reveal()), stringToSign));
    }

    /** {@code V11-HMAC-SHA256}: as above, but keyed with {@link #derivedKey} and naming the scope it was derived for. */
    public static String derivedSignature(String accessKeyId, Secret secretKey, String sdkDate, String regionId,
                                          String service, String canonicalRequest) {
        String scope = derivationScope(sdkDate, regionId, service);
        String stringToSign = DERIVED_ALGORITHM + "\n" + sdkDate + "\n" + scope + "\n"
                + SignatureEncoding.sha256Hex(utf8(canonicalRequest));
        String key = derivedKey(accessKeyId, secretKey, scope);
        // the SDK keys the HMAC with the hex text of the derived key, not its raw bytes
        return hex(SignatureEncoding.hmac("HmacSHA256", utf8(key), stringToSign));
    }

    /** {@code yyyyMMdd/region/service}: what a derived key is valid for. */
    public static String derivationScope(String sdkDate, String regionId, String service) {
        // a malformed date gets a message that says what is wrong, not an index error
        if (!SDK_DATE.matcher(sdkDate).matches()) {
            throw new IllegalArgumentException("the signing date must be written yyyyMMdd'T'HHmmss'Z', e.g."
                    + " 20250301T080000Z");
        }
        return sdkDate.substring(0, 8) + "/" + regionId + "/" + service;
    }

    /** Lower-case hex of HKDF-SHA256(IKM = SK, salt = AK, info = scope, 32 bytes), as the SDK derives it. */
    static String derivedKey(String accessKeyId, Secret secretKey, String scope) {
        return hex(Hkdf.sha256(utf8(secretKey.reveal()), utf8(accessKeyId), utf8(scope), 32));
    }

    public static String sdkAuthorization(String accessKeyId, List<String> signedHeaders, String signature) {
        return SDK_ALGORITHM + " Access=" + accessKeyId + ", SignedHeaders=" + String.join(";", signedHeaders)
                + ", Signature=" + signature;
    }

    public static String derivedAuthorization(String accessKeyId, String scope, List<String> signedHeaders,
                                              String signature) {
        return DERIVED_ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
