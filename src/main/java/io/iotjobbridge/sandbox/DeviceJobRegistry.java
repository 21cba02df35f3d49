package io.iotjobbridge.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every device job the sandbox created, under one lock so that "check the status, then cancel" is atomic. A job is
 * visible only to the account and instance that created it; to anyone else its id is as unknown as a made-up one.
 */
final class DeviceJobRegistry {

    private final Duration runningFor;
    private final int fleetSize;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, DeviceJob> jobs = new HashMap<>();

    DeviceJobRegistry(DeviceJobSettings settings) {
        this.runningFor = settings.jobRunningFor();
        this.fleetSize = settings.fleetSize();
    }

    DeviceJob create(DeviceJobDraft draft, Instant now) {
        // planning thousands of tasks needs no lock; only the id and the insert do
        String jobId = newJobId();
        List<DeviceRef> devices = draft.target().devices(fleetSize);
        List<PlannedTask> tasks = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            tasks.add(PlannedTask.plan(jobId, i, devices.size(), devices.get(i), runningFor));
        }
        DeviceJob job = new DeviceJob(jobId, draft, now, runningFor, tasks, null);
        synchronized (this) {
            jobs.put(jobId, job);
        }
        return job;
    }

    /** The caller's job, or an {@code iot.system.IllegalRequest} refusal. */
    synchronized DeviceJob find(String jobId, String accessKeyId, String instanceKey) {
        DeviceJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null || !job.isOwnedBy(accessKeyId, instanceKey)) {
            throw IotPlatformError.illegalRequest("The specified job does not exist: " + jobId);
        }
        return job;
    }

    /** The caller's jobs, oldest first, so that paging over their tasks sees a stable order. */
    synchronized List<DeviceJob> jobsOf(String accessKeyId, String instanceKey) {
        return jobs.values().stream()
                .filter(j -> j.isOwnedBy(accessKeyId, instanceKey))
                .sorted(Comparator.comparing(DeviceJob::createdAt).thenComparing(DeviceJob::jobId))
                .toList();
    }

    /** The caller's jobs, newest first, as ListJob pages them. */
    synchronized List<DeviceJob> newestFirstOf(String accessKeyId, String instanceKey) {
        return jobs.values().stream()
                .filter(j -> j.isOwnedBy(accessKeyId, instanceKey))
                .sorted(Comparator.comparing(DeviceJob::createdAt).thenComparing(DeviceJob::jobId).reversed())
                .toList();
    }

    synchronized DeviceJob cancel(String jobId, String accessKeyId, String instanceKey, Instant now) {
        DeviceJob job = find(jobId, accessKeyId, instanceKey);
        DeviceJobStatus status = job.statusAt(now);
        if (!status.isCancellable()) {
            throw IotPlatformError.illegalRequest("The job is " + status + " and cannot be cancelled.");
        }
        DeviceJob cancelled = job.cancelled(now);
        jobs.put(jobId, cancelled);
        return cancelled;
    }

    /** 26 characters ending in {@code 010001}, like the JobId in CreateJob's sample. */
    private synchronized String newJobId() {
        String id;
        do {
            id = VendorIds.random(random, 20) + "010001";
        } while (jobs.containsKey(id));
        return id;
    }
}
