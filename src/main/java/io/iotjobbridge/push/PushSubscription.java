package io.iotjobbridge.push;

import java.net.URI;
import java.time.Instant;

import io.iotjobbridge.vendor.Vendor;

/** One account's AMQP server-side subscription: where to connect, how to log in, which queue to read. */
sealed interface PushSubscription permits AliyunPushSubscription, HuaweiPushSubscription {

    Vendor vendor();

    String account();

    /** The broker URL with the vendor's required connection options added. */
    URI connectionUrl();

    String queue();

    /** The login for a connection attempt at {@code now}; both vendors' logins carry a timestamp. */
    AmqpLogin loginAt(Instant now);

    /** Reads this vendor's messages. */
    PushMapping mapping();

    /**
     * A queue name is part of the route's endpoint URI, so it is held to letters, digits and {@code . _ -}, as the
     * vendors' own queue names are.
     */
    static void requireQueueName(String queue, String key) {
        if (queue == null || !queue.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalStateException(key + " must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
    }
}
