package io.iotjobbridge.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.iotjobbridge.destination.Delivery;
import io.iotjobbridge.destination.Destination;
import io.iotjobbridge.ledger.ConcurrentUpdateException;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestRejectedException;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves jobs through their lifecycle one step per call. A step reads the job from the ledger, makes the vendor
 * calls that step needs, and commits the outcome before anything else happens; nothing waits on a thread between
 * steps: the next step is a row in the ledger with a due time, picked up by the scheduler route.
 */
public final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    private final JobLedger ledger;
    private final Function<JobRecord, JobFlow> flows;
    private final Function<String, Destination> destinations;
    private final Delivery delivery;
    private final EngineSettings settings;
    private final Pacing pacing;
    private final Spool spool;
    private final BiConsumer<JobRequest, String> followUpIntake;
    private final Clock clock;

    /**
     * @param spool          where flows write reports; a job's part is cleared when the job ends
     * @param followUpIntake admits a request a finished job starts, given the request and the starting job's id
     */
    public JobEngine(JobLedger ledger, Function<JobRecord, JobFlow> flows, Function<String, Destination> destinations,
                     Delivery delivery, Spool spool, BiConsumer<JobRequest, String> followUpIntake, EngineSettings settings,
                     Clock clock) {
        this.ledger = ledger;
        this.flows = flows;
        this.destinations = destinations;
        this.delivery = delivery;
        this.spool = spool;
        this.followUpIntake = followUpIntake;
        this.settings = settings;
        this.pacing = new Pacing(settings);
        this.clock = clock;
    }

    /** Claims the jobs that are due now; each is then advanced by one worker. */
    public List<String> claimDue() {
        return ledger.claimDue(settings.workers() * 4, settings.lease());
    }

    /** Takes one job one step further. */
    public void advance(String jobId) {
        JobRecord job = ledger.find(jobId).orElse(null);
        if (job == null || job.state().isTerminal()) {
            return;
        }
        Instant now = clock.instant();
        JobFlow flow = flows.apply(job);
        Instant clockStart = flow.startsAt(job);
        if (Duration.between(clockStart, now).compareTo(settings.jobTimeout()) > 0) {
            fail(job, "timed out: not finished within " + settings.jobTimeout() + " of " + clockStart
                    + (job.vendorStatus() == null ? "" : "; last vendor status " + job.vendorStatus()));
            return;
        }
        try {
            step(job, flow, now);
        } catch (VendorException e) {
            handle(ledger.find(jobId).orElse(job), e, now);
        } catch (ConcurrentUpdateException e) {
            LOG.debug("job {} moved on elsewhere; this worker stops", jobId);
        } catch (RequestRejectedException e) {
            // a follow-up the flow built broke a rule: retrying would build the same request again
            fail(ledger.find(jobId).orElse(job), "a follow-up request was rejected: " + e.getMessage());
        }
    }

    private void step(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        switch (job.state()) {
            case RECEIVED, QUEUED -> submit(job, flow, now);
            case SUBMITTED, RUNNING -> check(job, flow, now);
            case DOWNLOADING -> deliver(job, flow);
            default -> throw new IllegalStateException("no step from " + job.state());
        }
    }

    private void submit(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        String vendorJobId = flow.submit(job);
        JobRecord submitted = job.withVendorJob(vendorJobId).moveTo(JobState.SUBMITTED, null)
                .nextRunAt(now.plus(settings.pollInitial()), 0, null);
        log(ledger.save(submitted, "vendor job " + vendorJobId + " created"));
    }

    private void check(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        JobStatus status = flow.check(job);
        if (status instanceof JobStatus.Running running) {
            JobRecord next = job.withVendorStatus(running.vendorStatus(), running.progress())
                    .nextRunAt(now.plus(pacing.nextPoll(job.createdAt(), now)), 0, null);
            boolean firstSeenRunning = job.state() != JobState.RUNNING;
            JobRecord saved = ledger.save(firstSeenRunning ? next.moveTo(JobState.RUNNING, null) : next,
                    "vendor status " + running.vendorStatus());
            if (firstSeenRunning) {
                log(saved);
            }
        } else if (status instanceof JobStatus.Succeeded done) {
            JobRecord downloading = ledger.checkpoint(job.withVendorStatus(done.vendorStatus(), 100)
                    .moveTo(JobState.DOWNLOADING, null), "vendor status " + done.vendorStatus());
            log(downloading);
            deliver(downloading, flow);
        } else if (status instanceof JobStatus.Failed failed) {
            fail(job.withVendorStatus(failed.vendorStatus(), job.progress()), failed.reason());
        }
    }

    /**
     * Delivers every result file not delivered by an earlier attempt, starts the follow-up requests, and only then
     * records the job as delivered: a crash anywhere in between repeats just the missing part.
     */
    private void deliver(JobRecord job, JobFlow flow) throws VendorException {
        Destination destination = destinations.apply(job.destination());
        Set<String> delivered = new HashSet<>();
        ledger.files(job.id()).forEach(file -> delivered.add(file.name()));
        List<ResultFile> files = flow.resultFiles(job);
        for (ResultFile file : files) {
            if (delivered.contains(delivery.targetName(job, file, destination))) {
                continue;
            }
            DeliveredFile done = delivery.deliver(job, file, destination);
            ledger.recordFile(job.id(), done);
            LOG.info("job {} ({} {}) delivered {} ({} bytes, sha256 {})", job.id(), job.vendor(), job.vendorJobId(),
                    done.location(), done.sizeBytes(), done.sha256());
        }
        List<JobRequest> followUps = flow.followUps(job);
        followUps.forEach(request -> followUpIntake.accept(request, job.id()));
        String detail = "delivered " + files.size() + " file(s)"
                + (followUps.isEmpty() ? "" : ", started " + followUps.size() + " follow-up request(s)");
        log(ledger.save(job.moveTo(JobState.DELIVERED, null), detail));
        spool.discard(job.id());
    }

    private void handle(JobRecord job, VendorException e, Instant now) {
        switch (e.kind()) {
            case PERMANENT -> fail(job, e.getMessage());
            case QUOTA -> {
                Instant until = e.notBefore().orElse(now.plus(settings.quotaWait()));
                JobState state = job.state() == JobState.RECEIVED ? JobState.QUEUED : job.state();
                String why = "waiting for vendor quota until " + until + " (" + e.getMessage() + ")";
                JobRecord waiting = (state == job.state() ? job : job.moveTo(state, why)).nextRunAt(until, 0, why);
                JobRecord saved = ledger.save(waiting, why);
                if (state != job.state()) {
                    log(saved);
                }
            }
            case RETRYABLE -> {
                int attempt = job.attempts() + 1;
                if (attempt >= settings.maxAttempts()) {
                    fail(job, "gave up after " + attempt + " attempts; last error " + e.getMessage());
                    return;
                }
                Duration delay = pacing.nextRetry(attempt);
                LOG.warn("job {} ({} {}) attempt {} failed, retrying in {} ms: {}", job.id(), job.vendor(),
                        job.vendorJobId(), attempt, delay.toMillis(), e.getMessage());
                ledger.save(job.nextRunAt(now.plus(delay), attempt, "retrying after " + e.getMessage()), null);
            }
        }
    }

    private void fail(JobRecord job, String reason) {
        log(ledger.save(job.moveTo(JobState.FAILED, reason), reason));
        spool.discard(job.id());
    }

    private static void log(JobRecord job) {
        LOG.info("job {} request {} ({} {} {}) is {}{}", job.id(), job.requestId(), job.vendor(), job.operation(),
                job.vendorJobId() == null ? "-" : job.vendorJobId(), job.state(),
                job.reason() == null ? "" : ": " + job.reason());
    }
}
