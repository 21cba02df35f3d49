package io.iotjobbridge.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Signs and checks CsvUrl links the way OSS signs a pre-signed GET: HMAC-SHA1 over
 * {@code "GET\n\n\n" + Expires + "\n" + resource}, Base64, URL-encoded into {@code Signature}.
 * The key is random per sandbox, so links neither survive a restart nor reveal any configured secret.
 */
final class DownloadUrlSigner {

    static final String KEY_ID = "sandbox-oss";

    private final byte[] key;

    DownloadUrlSigner(SecureRandom random) {
        this.key = new byte[32];
        random.nextBytes(key);
    }

    /**
     * @param rawPath the already percent-encoded path, signed exactly as it will be requested
     */
    URI sign(URI baseUrl, String rawPath, long expiresEpochSeconds) {
        return URI.create(baseUrl.toString() + rawPath
                + "?Expires=" + expiresEpochSeconds
                + "&OSSAccessKeyId=" + KEY_ID
                + "&Signature=" + SignatureEncoding.percentEncode(signature(rawPath, expiresEpochSeconds)));
    }

    boolean matches(String rawPath, long expiresEpochSeconds, String providedSignature) {
        byte[] expected = signature(rawPath, expiresEpochSeconds).getBytes(StandardCharsets.US_ASCII);
        // constant time, so response timing does not leak how much of a forged signature was right
        return MessageDigest.isEqual(expected, providedSignature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String rawPath, long expiresEpochSeconds) {
        String stringToSign = "GET\n\n\n" + expiresEpochSeconds + "\n" + rawPath;
        return Base64.getEncoder().encodeToString(SignatureEncoding.hmac("HmacSHA1", key, stringToSign));
    }
}
