package io.iotjobbridge.ops;

import java.time.Duration;
import java.util.List;

import io.iotjobbridge.job.JobObserver;
import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.VendorCall;
import io.iotjobbridge.vendor.VendorCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The bridge's own meters, beside Camel's route metrics on {@code /observe/metrics} (README "Metrics"). Counters
 * count what this node did; the job gauge shows the shared ledger, so every node reports the same job counts.
 */
public final class BridgeMetrics implements VendorCallObserver, JobObserver {

    private final MeterRegistry registry;
    private final JobQueries jobs;
    private final MultiGauge jobsByState;

    public BridgeMetrics(MeterRegistry registry, JobQueries jobs) {
        this.registry = registry;
        this.jobs = jobs;
        this.jobsByState = MultiGauge.builder("bridge.jobs")
                .description("Jobs in the ledger by state, vendor and operation").register(registry);
    }

    /** Reads the job counts again; states no job is in any more drop to zero rather than vanish. */
    public void refreshJobCounts() {
        List<MultiGauge.Row<?>> rows = jobs.countByState().stream()
                .map(count -> MultiGauge.Row.of(Tags.of("state", count.state().name(),
                        "vendor", count.vendor().wireName(), "operation", count.operation()), count.count()))
                .collect(java.util.stream.Collectors.toList());
        jobsByState.register(rows, true);
    }

    @Override
    public void heard(VendorCall call) {
        Counter.builder("bridge.vendor.calls").description("Calls that reached a vendor API, by outcome")
                .tags("vendor", call.vendor().wireName(), "account", call.account(), "action", call.action(),
                        "outcome", call.outcome().wireName())
                .register(registry).increment();
        Timer.builder("bridge.vendor.call.duration").description("How long vendor API calls took")
                .tags("vendor", call.vendor().wireName(), "action", call.action())
                .register(registry).record(call.took());
    }

    @Override
    public void statusUpdate(JobRecord job, boolean pushed) {
        Counter.builder("bridge.status.updates").description("Job statuses learnt from the vendor")
                .tags("vendor", job.vendor().wireName(), "operation", job.operation(), "source", pushed ? "push" : "poll")
                .register(registry).increment();
    }

    @Override
    public void delivered(JobRecord job, Duration sinceVendorFinished, long bytes) {
        Timer.builder("bridge.delivery.lag").description("From the vendor job's end to every file at its destination")
                .tags("vendor", job.vendor().wireName(), "operation", job.operation())
                .register(registry).record(sinceVendorFinished);
        Counter.builder("bridge.delivered.bytes").baseUnit("bytes").description("Result bytes written to destinations")
                .tags("vendor", job.vendor().wireName(), "operation", job.operation(), "destination", job.destination())
                .register(registry).increment(bytes);
    }

    @Override
    public void quotaWait(JobRecord job, boolean vendorRefused) {
        Counter.builder("bridge.quota.waits").description("Jobs set to wait for a vendor quota")
                .tags("vendor", job.vendor().wireName(), "operation", job.operation(),
                        "by", vendorRefused ? "vendor" : "bridge")
                .register(registry).increment();
    }
}
