package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Opaque {@code NextToken} values: where the next page starts and when the token was issued, signed with a key random
 * per sandbox. Nothing is stored per token, so a client that never finishes paging costs no memory. A token is
 * bound to its query (the {@code scope}: account, API and filters), so it cannot page a different listing.
 *
 * <p>ListTask documents a validity of one minute; ListDeviceDistributeJob documents none, and is given the same.
 */
final class PageTokens {

    static final Duration VALIDITY = Duration.ofMinutes(1);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    PageTokens(SecureRandom random) {
        random.nextBytes(key);
    }

    String issue(String scope, int offset, Instant now) {
        String payload = offset + "." + now.toEpochMilli();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + mac(scope, payload);
    }

    /**
     * The offset the token stands for.
     *
     * @throws IotRejection {@code iot.common.InvalidPageParams} for a token that is forged, of another query, or
     *                      older than {@link #VALIDITY}
     */
    int offsetOf(String token, String scope, Instant now) {
        int dot = token.indexOf('.');
        String payload;
        try {
            payload = dot < 0 ? "" : new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                    StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            payload = "";
        }
        byte[] expected = mac(scope, payload).getBytes(StandardCharsets.US_ASCII);
        byte[] provided = (dot < 0 ? "" : token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        String[] parts = payload.split("\\.");
        if (!MessageDigest.isEqual(expected, provided) || parts.length != 2) {
            throw IotPlatformError.invalidPage("The NextToken is invalid.");
        }
        Instant issuedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        if (now.isAfter(issuedAt.plus(VALIDITY))) {
            throw IotPlatformError.invalidPage("The NextToken has expired; it is valid for one minute.");
        }
        return Integer.parseInt(parts[0]);
    }

    private String mac(String scope, String payload) {
        return ENCODER.encodeToString(SignatureEncoding.hmac("HmacSHA256", key, scope + "\n" + payload));
    }
}
