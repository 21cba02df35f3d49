package io.iotjobbridge.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.job.JobObserver;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.VendorCallLog;
import io.iotjobbridge.ops.health.LastCalls;
import io.iotjobbridge.ops.health.ReadinessChecks;
import io.iotjobbridge.push.PushConnections;
import io.iotjobbridge.push.PushSubscriptions;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.VendorCallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;

/**
 * The operations side of the bridge, wired in one place (README "Operations"): what hears the vendor calls and the
 * engine (call history, metrics, the accounts' last calls), the status API and dashboard routes, the timed chores,
 * and the readiness checks. Camel Main serves them on {@code bridge.http.port}.
 */
public final class Operations {

    private final VendorCallLog callLog;
    private final JobQueries queries;
    private final BridgeMetrics metrics;
    private final LastCalls lastCalls = new LastCalls();

    private Operations(DataSource ledgerDatabase, MeterRegistry registry) {
        this.callLog = new VendorCallLog(ledgerDatabase);
        this.queries = new JobQueries(ledgerDatabase);
        this.metrics = new BridgeMetrics(registry, queries);
    }

    public static Operations create(CamelContext context, DataSource ledgerDatabase) {
        return new Operations(ledgerDatabase, meterRegistry(context));
    }

    /** What every vendor client reports its calls to. */
    public VendorCallObserver callObserver() {
        return VendorCallObserver.all(callLog, metrics, lastCalls);
    }

    /** What the engine reports status updates, deliveries and quota waits to. */
    public JobObserver jobObserver() {
        return metrics;
    }

    /** The status API, the dashboard and the timed chores. */
    public void addRoutes(CamelContext context, BridgeProperties props, JobLedger ledger, CallBudget budget,
                          JobIntake intake, Function<JobRecord, JobFlow> flows, int maxRequestBytes, Clock clock)
            throws Exception {
        context.addRoutes(new StatusApiRoutes(queries, ledger, callLog,
                new Overview(queries, callLog, budget, ledger.node(), clock)));
        context.addRoutes(JobActionRoutes.of(intake, ledger, queries, flows, maxRequestBytes, clock));
        context.addRoutes(new DashboardRoutes());
        context.addRoutes(new Housekeeping(metrics, callLog,
                props.getMillis("bridge.ops.call-history-ms", Duration.ofDays(7)), clock));
    }

    /** The readiness checks beside Camel's own, on {@code /observe/health/ready}. */
    public void registerReadiness(CamelContext context, BridgeProperties props, DataSource ledgerDatabase,
                                  Optional<ConnectionFactory> broker, Accounts accounts, PushSubscriptions push,
                                  PushConnections pushConnections) {
        ReadinessChecks.register(context, ledgerDatabase, broker, props.namesUnder("bridge.accounts."),
                accounts::isConfigured, lastCalls, push, pushConnections);
    }

    /** Camel's Prometheus registry, made here first when Camel has not made it yet, so both use the same one. */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("metricsRegistry", registry);
        }
        return registry;
    }
}
