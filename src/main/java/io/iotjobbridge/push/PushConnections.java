package io.iotjobbridge.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.iotjobbridge.vendor.Vendor;

/**
 * Whether each account's push subscription is live right now: its AMQP connection is up and its receiver is attached
 * to the queue. While it is, the engine can trust pushed statuses and poll that account's jobs only as a long safety
 * net; the moment it is not, polling takes over again.
 */
public final class PushConnections {

    private final Map<String, BooleanSupplier> subscriptions = new ConcurrentHashMap<>();

    /** False for an account with no push subscription configured. */
    public boolean connected(Vendor vendor, String account) {
        BooleanSupplier live = subscriptions.get(key(vendor, account));
        return live != null && live.getAsBoolean();
    }

    void track(Vendor vendor, String account, BooleanSupplier live) {
        subscriptions.put(key(vendor, account), live);
    }

    private static String key(Vendor vendor, String account) {
        return vendor.wireName() + "/" + account;
    }
}
