package io.iotjobbridge.vendor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The percent-encoding and hashing primitives every vendor signature scheme here is built from. */
public final class SignatureEncoding {

    private SignatureEncoding() {
    }

    /** RFC 3986 encoding as both vendors' gateways expect it: space as %20, '*' encoded, '~' left alone. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** {@code k=v&k=v} with names and values percent-encoded, sorted by name: the canonical form of both versions. */
    public static String canonicalQuery(Map<String, String> params) {
        SortedMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(percentEncode(k), percentEncode(v == null ? "" : v)));
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static byte[] hmac(String algorithm, byte[] key, String data) {
        return hmac(algorithm, key, data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
