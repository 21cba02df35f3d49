package io.iotjobbridge.ops;

import java.time.Clock;
import java.time.Duration;

import io.iotjobbridge.ledger.VendorCallLog;
import org.apache.camel.builder.RouteBuilder;

/**
 * Timed chores of the operations side: the job gauges follow the ledger, and vendor calls older than the kept
 * history are forgotten so the call table does not grow for as long as the bridge runs.
 */
public final class Housekeeping extends RouteBuilder {

    private final BridgeMetrics metrics;
    private final VendorCallLog calls;
    private final Duration keepCalls;
    private final Clock clock;

    public Housekeeping(BridgeMetrics metrics, VendorCallLog calls, Duration keepCalls, Clock clock) {
        this.metrics = metrics;
        this.calls = calls;
        this.keepCalls = keepCalls;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:refresh-job-gauges?period={{bridge.metrics.refresh-ms:5000}}").routeId("refresh-job-gauges")
                .process(exchange -> metrics.refreshJobCounts());
        from("timer:forget-old-vendor-calls?period=3600000&delay=60000").routeId("forget-old-vendor-calls")
                .process(exchange -> calls.forgetBefore(clock.instant().minus(keepCalls)));
    }
}
