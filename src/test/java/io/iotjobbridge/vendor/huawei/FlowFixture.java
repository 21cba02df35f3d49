package io.iotjobbridge.vendor.huawei;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.LoopbackTransport;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.HuaweiSandboxSettings;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.StatusSweep;
import io.iotjobbridge.vendor.Vendor;

/** A sandbox on a hand-moved clock, a client for it, a spool, and jobs as the ledger would hand them to a flow. */
final class FlowFixture implements AutoCloseable {

    static final String AK = "flow-ak";
    static final String SK = "flow-secret";
    static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final VendorSandbox sandbox;
    final HuaweiClient client;
    final Spool spool;
    private final LoopbackTransport http;

    FlowFixture(HuaweiSandboxSettings huawei, Path spoolRoot) {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK)).withHuawei(huawei),
                clock);
        http = new LoopbackTransport(sandbox.baseUrl());
        client = new HuaweiClient(new HuaweiAccount("default", sandbox.baseUrl(), AK, Secret.of(SK), "project-1",
                "cn-north-4", Optional.empty()), http, new CallBudget(Map.of(), 1_000, Duration.ofSeconds(5), clock), clock);
        spool = new Spool(spoolRoot);
    }

    /** A job of {@code operation} with these params and options (null: none), not yet submitted. */
    static JobRecord job(String requestId, String operation, ObjectNode params, ObjectNode options) {
        return new JobRecord(UUID.randomUUID().toString(), requestId, Vendor.HUAWEI, "default", operation, "default",
                params.toString(), options == null ? null : options.toString(), JobState.RECEIVED, null, null, null,
                null, 0, START, START, START, 0);
    }

    static JobRecord submitted(JobRecord job, String vendorJobId) {
        return job.withVendorJob(vendorJobId).moveTo(JobState.SUBMITTED, null);
    }

    /** A sweep as the bridge keeps one per account and operation: statuses answer for 1 s. */
    StatusSweep<JobStatus> sweep() {
        return new StatusSweep<>(Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
    }

    long calls(String api) {
        return sandbox.stats().callsOf(api);
    }

    @Override
    public void close() throws Exception {
        http.close();
        sandbox.close();
    }
}
