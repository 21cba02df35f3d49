package io.iotjobbridge.ledger;

import java.time.Instant;

import io.iotjobbridge.vendor.Vendor;

/**
 * One job as the ledger stores it. Immutable: the engine derives the next version with the {@code with…} methods
 * and saves it, so a half-updated job can never be observed. {@code version} counts saves: a save based on an
 * outdated version is refused, so two workers can never overwrite each other's progress.
 *
 * @param requestJson the request's vendor parameters ({@code params}) as JSON
 * @param optionsJson the request's bridge options ({@code options}) as JSON; null when it had none
 * @param submitStartedAt when the bridge began to create the vendor job; null before that
 */
public record JobRecord(String id, String requestId, Vendor vendor, String account, String operation,
                        String destination, String requestJson, String optionsJson, JobState state,
                        String vendorJobId, String vendorStatus, Integer progress, String reason, int attempts,
                        Instant nextRunAt, Instant createdAt, Instant updatedAt, int version,
                        Instant submitStartedAt) {

    /** A job whose vendor job was never started. */
    public JobRecord(String id, String requestId, Vendor vendor, String account, String operation, String destination,
                     String requestJson, String optionsJson, JobState state, String vendorJobId, String vendorStatus,
                     Integer progress, String reason, int attempts, Instant nextRunAt, Instant createdAt,
                     Instant updatedAt, int version) {
        this(id, requestId, vendor, account, operation, destination, requestJson, optionsJson, state, vendorJobId,
                vendorStatus, progress, reason, attempts, nextRunAt, createdAt, updatedAt, version, null);
    }

    public JobRecord moveTo(JobState next, String why) {
        return new JobRecord(id, requestId, vendor, account, operation, destination, requestJson, optionsJson, next,
                vendorJobId, vendorStatus, progress, why, 0, nextRunAt, createdAt, updatedAt, version,
                submitStartedAt);
    }

    /**
     * The job as it was admitted, due {@code now}: everything an earlier run learnt from the vendor (its job id,
     * status, progress, attempts, when its create began) is cleared, so the next run creates a new vendor job.
     */
    public JobRecord restart(Instant now) {
        return new JobRecord(id, requestId, vendor, account, operation, destination, requestJson, optionsJson,
                JobState.RECEIVED, null, null, null, null, 0, now, createdAt, updatedAt, version, null);
    }

    public JobRecord withVendorJob(String newVendorJobId) {
        return new JobRecord(id, requestId, vendor, account, operation, destination, requestJson, optionsJson, state,
                newVendorJobId, vendorStatus, progress, reason, attempts, nextRunAt, createdAt, updatedAt, version,
                submitStartedAt);
    }

    public JobRecord withVendorStatus(String newVendorStatus, Integer newProgress) {
        return new JobRecord(id, requestId, vendor, account, operation, destination, requestJson, optionsJson, state,
                vendorJobId, newVendorStatus, newProgress, reason, attempts, nextRunAt, createdAt, updatedAt, version,
                submitStartedAt);
    }

    /** Schedules the next look at this job; {@code why} is kept for operators (last error, quota wait…). */
    public JobRecord nextRunAt(Instant when, int newAttempts, String why) {
        return new JobRecord(id, requestId, vendor, account, operation, destination, requestJson, optionsJson, state,
                vendorJobId, vendorStatus, progress, why, newAttempts, when, createdAt, updatedAt, version,
                submitStartedAt);
    }
}
