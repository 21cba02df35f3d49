package io.iotjobbridge.ops.health;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import javax.sql.DataSource;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.push.PushConnections;
import io.iotjobbridge.push.PushSubscriptions;
import io.iotjobbridge.vendor.Vendor;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * Puts the bridge's readiness checks beside Camel's own (routes, consumers) on {@code /observe/health/ready}: the
 * ledger database, the AMQP broker when AMQP is on, every configured vendor account and every push subscription.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /**
     * @param accountNames the account names configuration mentions; each vendor's that is configured gets a check
     */
    public static void register(CamelContext context, DataSource ledger, Optional<ConnectionFactory> broker,
                                Set<String> accountNames, BiPredicate<Vendor, String> configured,
                                LastCalls lastCalls, PushSubscriptions push, PushConnections connections) {
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(context);
        registry.register(new LedgerReadiness(ledger));
        broker.ifPresent(factory -> registry.register(new BrokerReadiness(factory)));
        Set<String> names = new TreeSet<>(accountNames);
        names.add(Accounts.DEFAULT);
        for (String name : names) {
            for (Vendor vendor : Vendor.values()) {
                if (configured.test(vendor, name)) {
                    registry.register(new AccountReadiness(vendor, name, lastCalls));
                }
            }
        }
        push.forEachAccount((vendor, account) -> registry.register(new PushReadiness(connections, vendor, account)));
    }
}
