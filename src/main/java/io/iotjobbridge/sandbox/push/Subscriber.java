package io.iotjobbridge.sandbox.push;

import java.util.Objects;

import io.iotjobbridge.vendor.Vendor;

/**
 * Who an AMQP connection logged in as, and so which messages it may receive and from which queue.
 *
 * @param owner         the AccessKeyId whose jobs' messages it receives
 * @param consumerGroup Alibaba's consumer group; empty for Huawei
 * @param instance      the instance named at login; empty receives every instance's messages of the account (a
 *                      sandbox simplification: the vendors scope a subscription to one instance)
 * @param queue         the only queue it may consume from
 * @param clientName    the client id (Alibaba) or access key (Huawei), for logs
 */
public record Subscriber(Vendor vendor, String owner, String consumerGroup, String instance, String queue,
                         String clientName) {

    public Subscriber {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(clientName, "clientName");
    }

    public boolean receives(PushAddress address) {
        return vendor == address.vendor()
                && owner.equals(address.owner())
                && consumerGroup.equals(address.consumerGroup())
                && (instance.isEmpty() || instance.equals(address.instance()));
    }
}
