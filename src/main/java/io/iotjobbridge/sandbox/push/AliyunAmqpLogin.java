package io.iotjobbridge.sandbox.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.Vendor;

/**
 * Checks an Alibaba AMQP server-side subscription login as the IoT Platform does:
 * {@code userName = clientId|iotInstanceId=…,authMode=aksign,signMethod=hmacsha1,consumerGroupId=…,authId=<AccessKey
 * ID>,timestamp=<ms>|} and {@code password = Base64(HMAC(<AccessKey secret>, "authId=<id>&timestamp=<ms>"))}.
 * Written apart from the bridge's own signer, so a mistake in one is caught by the other.
 */
final class AliyunAmqpLogin {

    private static final int MAX_CLIENT_ID = 64;
    private static final Map<String, String> MACS = Map.of(
            "hmacmd5", "HmacMD5", "hmacsha1", "HmacSHA1", "hmacsha256", "HmacSHA256");

    private final Map<String, Secret> credentials;
    private final Duration tolerance;

    AliyunAmqpLogin(Map<String, Secret> credentials, Duration tolerance) {
        this.credentials = Map.copyOf(credentials);
        this.tolerance = tolerance;
    }

    /** Whether the user name has this scheme's shape at all, so the other vendor's scheme can be tried instead. */
    static boolean appliesTo(String userName) {
        return userName != null && userName.contains("authMode=aksign");
    }

    Subscriber verify(String userName, String password, Instant now) throws LoginRefused {
        int bar = userName.indexOf('|');
        if (bar < 1 || !userName.endsWith("|") || bar == userName.length() - 1) {
            throw refused("InvalidUserName", "user name is not clientId|params|");
        }
        String clientId = userName.substring(0, bar);
        if (clientId.length() > MAX_CLIENT_ID) {
            throw refused("InvalidUserName", "clientId is longer than " + MAX_CLIENT_ID + " characters");
        }
        Map<String, String> params = params(userName.substring(bar + 1, userName.length() - 1));
        String mac = MACS.get(params.getOrDefault("signMethod", ""));
        String authId = params.get("authId");
        String group = params.get("consumerGroupId");
        String timestamp = params.get("timestamp");
        if (!"aksign".equals(params.get("authMode")) || mac == null || isBlank(authId) || isBlank(group)
                || isBlank(timestamp)) {
            throw refused("InvalidUserName",
                    "user name needs authMode=aksign, signMethod (hmacmd5|hmacsha1|hmacsha256), consumerGroupId, "
                            + "authId and timestamp");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw refused("InvalidUserName", "timestamp is not milliseconds");
        }
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw refused("TimestampExpired", "timestamp is more than " + tolerance + " from the server clock");
        }
        Secret secret = credentials.get(authId);
        if (secret == null) {
            throw refused("InvalidAuthId", "unknown authId");
        }
        byte[] expected = Base64.getEncoder().encode(SignatureEncoding.hmac(mac,
                secret.reveal().getBytes(StandardCharsets.UTF_8), "authId=" + authId + "&timestamp=" + timestamp));
        if (password == null || !MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8))) {
            throw refused("SignatureMismatch", "password is not the signature of authId and timestamp");
        }
        return new Subscriber(Vendor.ALIYUN, authId, group, params.getOrDefault("iotInstanceId", ""),
                PushBroker.ALIYUN_QUEUE, clientId);
    }

    private static Map<String, String> params(String text) {
        Map<String, String> params = new HashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return params;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static LoginRefused refused(String code, String message) {
        return new LoginRefused("AMQP.aliyun." + code, message);
    }
}
