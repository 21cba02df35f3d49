package io.iotjobbridge.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Signs and checks the sandbox's OSS links (GetDownloadFile's CsvUrl, QueryDeviceDistributeDetail's File) the way OSS
 * signs a pre-signed GET: HMAC-SHA1 over {@code "GET\n\n\n" + Expires + "\n" + resource}, Base64, URL-encoded into
 * {@code Signature}. The key is random per sandbox, so links neither survive a restart nor reveal any configured
 * secret; the path is signed, so a link to one object cannot be bent to another.
 */
final class DownloadUrlSigner {

    static final String KEY_ID = "sandbox-oss";

    /** How many recent signatures {@link #recentSignatures()} remembers. */
    static final int REMEMBERED_SIGNATURES = 1_000;

    private final byte[] key;
    private final Deque<String> issued = new ArrayDeque<>();

    DownloadUrlSigner(SecureRandom random) {
        this.key = new byte[32];
        random.nextBytes(key);
    }

    /**
     * @param rawPath the already percent-encoded path, signed exactly as it will be requested
     */
    URI sign(URI baseUrl, String rawPath, long expiresEpochSeconds) {
        String signature = signature(rawPath, expiresEpochSeconds);
        remember(signature);
        return URI.create(baseUrl.toString() + rawPath
                + "?Expires=" + expiresEpochSeconds
                + "&OSSAccessKeyId=" + KEY_ID
                + "&Signature=" + SignatureEncoding.percentEncode(signature));
    }

    /**
     * The signatures of the most recent links handed out, unencoded, newest last: a secret scan treats each as a
     * credential that must never show up in the bridge's logs or files.
     */
    synchronized List<String> recentSignatures() {
        return List.copyOf(issued);
    }

    private synchronized void remember(String signature) {
        issued.addLast(signature);
        if (issued.size() > REMEMBERED_SIGNATURES) {
            issued.removeFirst();
        }
    }

    /**
     * Why OSS would refuse a request for this path and query, or empty when it carries this sandbox's signature for
     * exactly this path and has not expired.
     */
    Optional<OssError> refusal(String rawPath, String rawQuery, Instant now) {
        Map<String, String> query;
        try {
            query = FormCodec.decode(rawQuery);
        } catch (IllegalArgumentException malformed) {
            return Optional.of(OssError.signatureDoesNotMatch());
        }
        String accessKeyId = query.get("OSSAccessKeyId");
        String expiresText = query.get("Expires");
        String signature = query.get("Signature");
        if (accessKeyId == null || expiresText == null || signature == null) {
            return Optional.of(OssError.anonymous());
        }
        if (!KEY_ID.equals(accessKeyId)) {
            return Optional.of(OssError.unknownAccessKey());
        }
        long expires;
        try {
            expires = Long.parseLong(expiresText);
        } catch (NumberFormatException e) {
            return Optional.of(OssError.signatureDoesNotMatch());
        }
        if (!matches(rawPath, expires, signature)) {
            return Optional.of(OssError.signatureDoesNotMatch());
        }
        if (now.getEpochSecond() > expires) {
            return Optional.of(OssError.expired());
        }
        return Optional.empty();
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
