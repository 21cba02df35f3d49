package io.iotjobbridge.ops.health;

import java.util.Optional;

import io.iotjobbridge.push.PushConnections;
import io.iotjobbridge.vendor.Vendor;

/**
 * A configured push subscription is connected. While it is not, jobs on the account are still followed by polling,
 * only more slowly, so this says the bridge is degraded rather than broken; it is a readiness check all the same,
 * because an operator configured the push and expects it.
 */
final class PushReadiness extends ReadinessCheck {

    private final PushConnections connections;
    private final Vendor vendor;
    private final String account;

    PushReadiness(PushConnections connections, Vendor vendor, String account) {
        super("push:" + vendor.wireName() + ":" + account);
        this.connections = connections;
        this.vendor = vendor;
        this.account = account;
    }

    @Override
    Optional<String> problem() {
        return connections.connected(vendor, account) ? Optional.empty()
                : Optional.of("the push subscription is not connected; its jobs are polled meanwhile");
    }
}
