package io.iotjobbridge.sandbox.push;

import java.util.Objects;

import io.iotjobbridge.vendor.Vendor;

/**
 * Whose subscription a pushed message belongs to, as the vendor routes it.
 *
 * @param owner         the AccessKeyId of the account the job belongs to
 * @param consumerGroup Alibaba: the consumer group the message is for; empty for Huawei, whose rules forward every
 *                      event of the account to its queue
 * @param instance      the instance the job ran on, empty for the account's default instance
 */
public record PushAddress(Vendor vendor, String owner, String consumerGroup, String instance) {

    public PushAddress {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(instance, "instance");
    }

    public static PushAddress aliyun(String owner, String consumerGroup, String instance) {
        return new PushAddress(Vendor.ALIYUN, owner, consumerGroup, instance);
    }

    public static PushAddress huawei(String owner, String instance) {
        return new PushAddress(Vendor.HUAWEI, owner, "", instance);
    }
}
