package io.iotjobbridge.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every device distribution job: the seeded ones and those the accounts created. */
final class DistributeJobRegistry {

    private final Duration runningFor;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, DistributeJob> jobs = new HashMap<>();

    DistributeJobRegistry(Duration runningFor, List<DistributeJob> seeded) {
        this.runningFor = runningFor;
        seeded.forEach(job -> jobs.put(job.jobId(), job));
    }

    /** A new job initializes for the first tenth of its run, then runs, then finishes. */
    synchronized DistributeJob create(DistributeRequest request, Instant now) {
        String id;
        do {
            id = VendorIds.random(random, 19) + "010001";
        } while (jobs.containsKey(id));
        DistributeJob job = new DistributeJob(id, request, false, now, now.plus(runningFor.dividedBy(10)),
                now.plus(runningFor), DistributeStatus.FINISHED);
        jobs.put(id, job);
        return job;
    }

    /** The job, if the caller may see it, or an {@code iot.system.IllegalRequest} refusal. */
    synchronized DistributeJob find(String jobId, String accessKeyId) {
        DistributeJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null || !job.isVisibleTo(accessKeyId)) {
            throw IotPlatformError.illegalRequest("The specified distribution job does not exist: " + jobId);
        }
        return job;
    }

    /** Any job by id, for the result-file links, which carry their own proof of access. */
    synchronized Optional<DistributeJob> byId(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The caller's jobs, newest first, as a console lists them. */
    synchronized List<DistributeJob> visibleTo(String accessKeyId) {
        return jobs.values().stream()
                .filter(j -> j.isVisibleTo(accessKeyId))
                .sorted(Comparator.comparing(DistributeJob::createdAt).reversed().thenComparing(DistributeJob::jobId))
                .toList();
    }
}
