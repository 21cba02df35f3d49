package io.iotjobbridge.sandbox.push;

import java.security.Principal;

/** Carries the {@link Subscriber} in the login's {@code Subject}, where the broker keeps it for the connection. */
record SubscriberPrincipal(Subscriber subscriber) implements Principal {

    @Override
    public String getName() {
        return subscriber.vendor() + ":" + subscriber.clientName();
    }
}
