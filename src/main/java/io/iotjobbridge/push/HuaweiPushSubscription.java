package io.iotjobbridge.push;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.Vendor;

/**
 * A Huawei IoTDA AMQP subscription: user name {@code accessKey=…|timestamp=…[|instanceId=…]}, password the access
 * code as it is, vhost {@code default}.
 *
 * @param queue      the IoTDA AMQP queue the data forwarding rule sends batch task events to
 * @param instanceId needed only when the region has several standard instances
 */
record HuaweiPushSubscription(String account, URI url, String accessKey, Secret accessCode, Optional<String> instanceId,
                              String queue) implements PushSubscription {

    private static final Map<String, String> URL_DEFAULTS = Map.of("amqp.vhost", "default",
            "amqp.idleTimeout", "8000", "amqp.saslMechanisms", "PLAIN");
    private static final HuaweiPushMapping MAPPING = new HuaweiPushMapping();

    HuaweiPushSubscription {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accessCode, "accessCode");
        Objects.requireNonNull(instanceId, "instanceId");
        if (accessKey == null || accessKey.isBlank() || accessKey.contains("|")) {
            throw new IllegalStateException("bridge.accounts." + account
                    + ".huawei.push.access-key must be set, without '|'");
        }
        PushSubscription.requireQueueName(queue, "bridge.accounts." + account + ".huawei.push.queue");
    }

    @Override
    public Vendor vendor() {
        return Vendor.HUAWEI;
    }

    @Override
    public URI connectionUrl() {
        return AmqpUrl.withDefaults(url, URL_DEFAULTS);
    }

    @Override
    public AmqpLogin loginAt(Instant now) {
        String userName = "accessKey=" + accessKey + "|timestamp=" + now.toEpochMilli()
                + instanceId.map(id -> "|instanceId=" + id).orElse("");
        return new AmqpLogin(userName, accessCode);
    }

    @Override
    public PushMapping mapping() {
        return MAPPING;
    }

    @Override
    public String toString() {
        return "HuaweiPushSubscription[" + account + " @ " + url.getHost() + ", queue " + queue + "]";
    }
}
