package io.iotjobbridge.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.Vendor;

/**
 * An Alibaba IoT Platform server-side subscription (AMQP 1.0, SASL PLAIN). The login is signed with the account's
 * AccessKey ({@code authMode=aksign}, HMAC-SHA1 as in the vendor's Java sample) over the current time, so it is
 * computed afresh for every connection attempt.
 *
 * @param clientId      the client's name in the vendor console, at most 64 characters
 * @param consumerGroup {@code dop_aliyun_group_name} receives data-download job status
 * @param iotInstanceId the instance, or empty for the public instance
 */
record AliyunPushSubscription(String account, URI url, String clientId, String consumerGroup, String iotInstanceId,
                              String queue, String accessKeyId, Secret accessKeySecret) implements PushSubscription {

    static final String DOWNLOAD_JOB_GROUP = "dop_aliyun_group_name";
    static final int MAX_CLIENT_ID = 64;
    // the vendor wants an idle time-out of 30 to 300 s in the Open frame; 80 s is its Java sample's
    private static final Map<String, String> URL_DEFAULTS = Map.of("amqp.idleTimeout", "80000",
            "amqp.saslMechanisms", "PLAIN");
    private static final AliyunPushMapping MAPPING = new AliyunPushMapping();

    AliyunPushSubscription {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID || clientId.contains("|")) {
            throw new IllegalStateException("bridge.accounts." + account + ".aliyun.push.client-id must be 1 to "
                    + MAX_CLIENT_ID + " characters without '|'");
        }
        PushSubscription.requireQueueName(queue, "bridge.accounts." + account + ".aliyun.push.queue");
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public URI connectionUrl() {
        return AmqpUrl.withDefaults(url, URL_DEFAULTS);
    }

    @Override
    public AmqpLogin loginAt(Instant now) {
        String timestamp = Long.toString(now.toEpochMilli());
        String userName = clientId + "|iotInstanceId=" + iotInstanceId + ",authMode=aksign,signMethod=hmacsha1"
                + ",consumerGroupId=" + consumerGroup + ",authId=" + accessKeyId + ",timestamp=" + timestamp + "|";
        byte[] signature = SignatureEncoding.hmac("HmacSHA1",
                accessKeySecret.reveal().getBytes(StandardCharsets.UTF_8),
                "authId=" + accessKeyId + "&timestamp=" + timestamp);
        return new AmqpLogin(userName, Secret.of(Base64.getEncoder().encodeToString(signature)));
    }

    @Override
    public PushMapping mapping() {
        return MAPPING;
    }

    @Override
    public String toString() {
        return "AliyunPushSubscription[" + account + " @ " + url.getHost() + ", group " + consumerGroup + "]";
    }
}
