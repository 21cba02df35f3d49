package io.iotjobbridge.sandbox.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.Vendor;

/**
 * Checks a Huawei IoTDA AMQP login: {@code username = accessKey=<key>|timestamp=<13-digit ms>|instanceId=<id>}
 * ({@code instanceId} optional) and {@code password = <access code>}, sent as is. IoTDA wants the client clock within
 * 5 minutes of its own.
 */
final class HuaweiAmqpLogin {

    private final PushSettings settings;

    HuaweiAmqpLogin(PushSettings settings) {
        this.settings = settings;
    }

    static boolean appliesTo(String userName) {
        return userName != null && userName.startsWith("accessKey=");
    }

    Subscriber verify(String userName, String password, Instant now) throws LoginRefused {
        Map<String, String> fields = new HashMap<>();
        for (String field : userName.split("\\|")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw refused("InvalidUserName", "user name is not accessKey=…|timestamp=…[|instanceId=…]");
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        String accessKey = fields.get("accessKey");
        String timestamp = fields.get("timestamp");
        if (accessKey == null || timestamp == null || !timestamp.matches("\\d{13}")) {
            throw refused("InvalidUserName", "user name needs accessKey and a 13-digit millisecond timestamp");
        }
        Instant signedAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(settings.timestampTolerance()) > 0) {
            throw refused("TimestampExpired", "timestamp is more than " + settings.timestampTolerance()
                    + " from the server clock");
        }
        // an unknown key and a wrong code get the same answer, so the refusal tells nothing about which keys exist
        boolean keyMatches = settings.huaweiAccessKey().equals(accessKey);
        boolean codeMatches = password != null && MessageDigest.isEqual(
                settings.huaweiAccessCode().reveal().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (!keyMatches || !codeMatches) {
            throw refused("AccessCodeMismatch", "unknown access key or wrong access code");
        }
        return new Subscriber(Vendor.HUAWEI, settings.huaweiOwner(), "", fields.getOrDefault("instanceId", ""),
                settings.huaweiQueue(), accessKey);
    }

    private static LoginRefused refused(String code, String message) {
        return new LoginRefused("AMQP.huawei." + code, message);
    }
}
