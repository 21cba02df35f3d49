package io.iotjobbridge.sandbox.push;

import java.time.Duration;
import java.util.Objects;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.SandboxProperties;

/**
 * How the sandbox plays the vendors' AMQP 1.0 push endpoints ({@code bridge.sandbox.push.*}).
 *
 * @param enabled            whether the sandbox runs its AMQP endpoint and pushes job status at all
 * @param port               the AMQP listener's port; 0 picks a free one. Never AMQP's well-known 5671/5672, which
 *                           belong to real brokers on the same machine
 * @param timestampTolerance how far the timestamp in a login may be from the sandbox clock (Huawei documents 5
 *                           minutes; Alibaba publishes no figure, so the same is assumed)
 * @param checkInterval      how often running jobs are looked at for a status change worth pushing
 * @param duplicates         whether every message is sent twice, as an at-least-once vendor may, to prove that
 *                           subscribers deduplicate
 * @param huaweiAccessKey    the IoTDA AMQP access key ({@code accessKey=} in the user name)
 * @param huaweiAccessCode   its access code, the password, sent as is
 * @param huaweiOwner        the AK/SK AccessKeyId whose batch task events that access key receives
 * @param huaweiQueue        the IoTDA AMQP queue the batch task events are forwarded to
 */
public record PushSettings(boolean enabled, int port, Duration timestampTolerance, Duration checkInterval,
                           boolean duplicates, String huaweiAccessKey, Secret huaweiAccessCode, String huaweiOwner,
                           String huaweiQueue) {

    public static final String DEFAULT_HUAWEI_ACCESS_KEY = "sandbox-amqp-key";
    public static final String DEFAULT_HUAWEI_ACCESS_CODE = "sandbox-access-code";
    public static final String DEFAULT_QUEUE = "default";
    private static final int AMQP_PORT = 5672;
    private static final int AMQPS_PORT = 5671;

    public PushSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("push port must be 0..65535: " + port);
        }
        if (port == AMQP_PORT || port == AMQPS_PORT) {
            throw new IllegalArgumentException("push port must not be " + port
                    + ": 5671 and 5672 are left to real AMQP brokers on this machine");
        }
        requirePositive(timestampTolerance, "timestampTolerance");
        requirePositive(checkInterval, "checkInterval");
        requireText(huaweiAccessKey, "huaweiAccessKey");
        Objects.requireNonNull(huaweiAccessCode, "huaweiAccessCode");
        requireText(huaweiOwner, "huaweiOwner");
        requireText(huaweiQueue, "huaweiQueue");
    }

    /**
     * Reads {@code push.*} keys: on, a free port, 5 minutes' tolerance, a look every 100 ms, no duplicates, the
     * default Huawei access key and code for {@code owner}'s events, queue {@code default}.
     */
    public static PushSettings fromProperties(SandboxProperties read, String owner) {
        return new PushSettings(
                read.flag("push.enabled", true),
                read.integer("push.port", 0),
                read.millis("push.timestamp-tolerance-ms", Duration.ofMinutes(5).toMillis()),
                read.millis("push.check-ms", 100),
                read.flag("push.duplicates", false),
                read.text("push.huawei.access-key", DEFAULT_HUAWEI_ACCESS_KEY),
                Secret.of(read.text("push.huawei.access-code", DEFAULT_HUAWEI_ACCESS_CODE)),
                owner,
                read.text("push.huawei.queue", DEFAULT_QUEUE));
    }

    public PushSettings withEnabled(boolean on) {
        return new PushSettings(on, port, timestampTolerance, checkInterval, duplicates, huaweiAccessKey,
                huaweiAccessCode, huaweiOwner, huaweiQueue);
    }

    public PushSettings withPort(int newPort) {
        return new PushSettings(enabled, newPort, timestampTolerance, checkInterval, duplicates, huaweiAccessKey,
                huaweiAccessCode, huaweiOwner, huaweiQueue);
    }

    public PushSettings withDuplicates(boolean twice) {
        return new PushSettings(enabled, port, timestampTolerance, checkInterval, twice, huaweiAccessKey,
                huaweiAccessCode, huaweiOwner, huaweiQueue);
    }

    public PushSettings withCheckInterval(Duration interval) {
        return new PushSettings(enabled, port, timestampTolerance, interval, duplicates, huaweiAccessKey,
                huaweiAccessCode, huaweiOwner, huaweiQueue);
    }

    public PushSettings withHuaweiOwner(String accessKeyId) {
        return new PushSettings(enabled, port, timestampTolerance, checkInterval, duplicates, huaweiAccessKey,
                huaweiAccessCode, accessKeyId, huaweiQueue);
    }

    @Override
    public String toString() {
        // the access code is a secret; Secret masks itself, but naming only what is safe keeps it out of logs for sure
        return "PushSettings[enabled=" + enabled + ", port=" + port + ", timestampTolerance=" + timestampTolerance
                + ", checkInterval=" + checkInterval + ", duplicates=" + duplicates + ", huaweiAccessKey="
                + huaweiAccessKey + ", huaweiOwner=" + huaweiOwner + ", huaweiQueue=" + huaweiQueue + "]";
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
