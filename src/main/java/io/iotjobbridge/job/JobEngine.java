package io.iotjobbridge.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.iotjobbridge.destination.Delivery;
import io.iotjobbridge.destination.Destination;
import io.iotjobbridge.destination.Manifest;
import io.iotjobbridge.ledger.ConcurrentUpdateException;
import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.ledger.QuotaWait;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestRejectedException;
import io.iotjobbridge.vendor.CallAttribution;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.Vendor;
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
    private final JobParts parts;
    private final Predicate<JobRecord> statusPushed;
    private final JobObserver observer;
    private final Clock clock;

    /**
     * @param spool          where flows write reports; a job's part is cleared when the job ends
     * @param followUpIntake admits a request a job starts (a follow-up or a part), given the request and the
     *                       starting job's id
     * @param statusPushed   whether the vendor is pushing a job's status right now, so polling can all but stop
     */
    public JobEngine(JobLedger ledger, Function<JobRecord, JobFlow> flows, Function<String, Destination> destinations,
                     Delivery delivery, Spool spool, BiConsumer<JobRequest, String> followUpIntake,
                     Predicate<JobRecord> statusPushed, EngineSettings settings, Clock clock) {
        this(ledger, flows, destinations, delivery, spool, followUpIntake, statusPushed, JobObserver.NONE, settings,
                clock);
    }

    /** @param observer hears of status updates, deliveries and quota waits (the metrics) */
    public JobEngine(JobLedger ledger, Function<JobRecord, JobFlow> flows, Function<String, Destination> destinations,
                     Delivery delivery, Spool spool, BiConsumer<JobRequest, String> followUpIntake,
                     Predicate<JobRecord> statusPushed, JobObserver observer, EngineSettings settings, Clock clock) {
        this.observer = observer;
        this.ledger = ledger;
        this.flows = flows;
        this.destinations = destinations;
        this.delivery = delivery;
        this.spool = spool;
        this.followUpIntake = followUpIntake;
        this.parts = new JobParts(ledger, followUpIntake);
        this.statusPushed = statusPushed;
        this.settings = settings;
        this.pacing = new Pacing(settings);
        this.clock = clock;
    }

    /** Claims the jobs that are due now; each is then advanced by one worker. */
    public List<String> claimDue() {
        return ledger.claimDue(settings.workers() * 4, settings.lease());
    }

    /** Takes one job one step further; the vendor calls it makes are attributed to it. */
    public void advance(String jobId) {
        CallAttribution.during(jobId, () -> step(jobId));
    }

    private void step(String jobId) {
        JobRecord job = ledger.find(jobId).orElse(null);
        if (job == null || job.state().isTerminal()) {
            return;
        }
        Instant now = clock.instant();
        try {
            JobFlow flow = flows.apply(job);
            if (timedOut(job, flow, now)) {
                return;
            }
            step(job, flow, now);
        } catch (VendorException e) {
            // backoff counts from the failure, not from the step's start: a slow failure (a read timeout) must not
            // use up the wait before its retry
            handle(ledger.find(jobId).orElse(job), e, clock.instant());
        } catch (ConcurrentUpdateException e) {
            LOG.debug("job {} moved on elsewhere; this worker stops", jobId);
        } catch (RequestRejectedException e) {
            // a follow-up or part the flow built broke a rule: retrying would build the same request again
            fail(ledger.find(jobId).orElse(job), "a request this job starts was rejected: " + e.getMessage());
        }
    }

    /**
     * Applies a status the vendor pushed for {@code vendorJobId}: a finished job goes straight to delivery, with no
     * status check of its own. Pushed messages can repeat or arrive late; applying one twice changes nothing.
     *
     * @throws IllegalStateException when the status may be for a vendor job whose id is not recorded yet: the
     *                               caller should offer it again a little later
     */
    public void onVendorStatus(Vendor vendor, String account, String vendorJobId, JobStatus status) {
        List<JobRecord> following = ledger.findActiveByVendorJob(vendor, account, vendorJobId);
        if (following.isEmpty() && ledger.findSubmitting(vendor, account).stream()
                .anyMatch(job -> flows.apply(job).statusIsPushed())) {
            // the push can overtake the recording of the id it is about: the subscription delivers it again later
            throw new IllegalStateException("no job follows vendor job " + vendorJobId + " yet while a submit of "
                    + vendor + " account " + account + " is in progress");
        }
        for (JobRecord job : following) {
            if (job.state() != JobState.SUBMITTED && job.state() != JobState.RUNNING) {
                continue;
            }
            try {
                observer.statusUpdate(job, true);
                apply(job, status, clock.instant());
            } catch (ConcurrentUpdateException e) {
                // a worker is checking the job right now: it sees the same vendor state itself
                LOG.debug("job {} moved on while a pushed status arrived; the push is left to it", job.id());
            }
        }
    }

    private boolean timedOut(JobRecord job, JobFlow flow, Instant now) {
        // waiting for a quota is not the vendor taking too long, and a split job ends when its parts do
        if (job.state() == JobState.RECEIVED || job.state() == JobState.QUEUED || JobParts.isSplit(job)) {
            return false;
        }
        Instant clockStart = flow.startsAt(job);
        if (Duration.between(clockStart, now).compareTo(settings.jobTimeout()) <= 0) {
            return false;
        }
        fail(job, "timed out: not finished within " + settings.jobTimeout() + " of " + clockStart
                + (job.vendorStatus() == null ? "" : "; last vendor status " + job.vendorStatus()));
        return true;
    }

    private void step(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        switch (job.state()) {
            case RECEIVED, QUEUED -> submit(job, flow, now);
            case SUBMITTING -> resumeSubmit(job, flow);
            case SUBMITTED, RUNNING -> {
                if (JobParts.isSplit(job)) {
                    followParts(job, flow, now);
                } else {
                    check(job, flow, now);
                }
            }
            case DOWNLOADING -> deliver(job, flow);
            default -> throw new IllegalStateException("no step from " + job.state());
        }
    }

    private void submit(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        List<JobRequest> split = flow.parts(job);
        if (!split.isEmpty()) {
            parts.admit(job, split);
            JobRecord whole = job.withVendorJob(JobParts.VENDOR_JOB_ID).moveTo(JobState.RUNNING, null)
                    .withVendorStatus("0 of " + split.size() + " parts delivered", 0)
                    .nextRunAt(now.plus(settings.pollInitial()), 0, null);
            ledger.save(whole, "split into " + split.size() + " parts");
            return;
        }
        JobLedger.SubmitStart start = ledger.startSubmit(job, flow.quotas(job), settings.quotaWait());
        if (!start.isStarted()) {
            QuotaWait wait = start.quotaWait();
            String why = "waiting for vendor quota \"" + wait.quota().describe() + "\" until " + wait.until()
                    + " (" + wait.reason() + ")";
            ledger.queue(job, wait, why);
            if (job.state() != JobState.QUEUED) {
                observer.quotaWait(job, false);
            }
            return;
        }
        create(start.started(), flow, now);
    }

    private void create(JobRecord submitting, JobFlow flow, Instant now) throws VendorException {
        String vendorJobId = flow.submit(submitting);
        CrashPoints.reach(CrashPoints.AFTER_VENDOR_CREATE);
        Duration firstCheck = statusPushed.test(submitting) ? settings.pushSafetyPoll() : settings.pollInitial();
        JobRecord submitted = submitting.withVendorJob(vendorJobId).moveTo(JobState.SUBMITTED, null)
                .nextRunAt(now.plus(firstCheck), 0, null);
        ledger.save(submitted, "vendor job " + vendorJobId + " created");
    }

    /**
     * The bridge began to create this vendor job and never recorded the answer (a crash, a lost reply): adopt the
     * vendor job that call made if the vendor can find it, and create one only if it cannot.
     */
    private void resumeSubmit(JobRecord job, JobFlow flow) throws VendorException {
        Instant now = clock.instant();
        Optional<String> found = flow.findSubmitted(job, job.submitStartedAt());
        if (found.isPresent()) {
            JobRecord adopted = job.withVendorJob(found.get()).moveTo(JobState.SUBMITTED, null)
                    .nextRunAt(now, 0, null);
            ledger.save(adopted, "vendor job " + found.get() + " found: created by the interrupted submit of "
                    + job.submitStartedAt());
            return;
        }
        LOG.warn("job {} ({} {}): no vendor job from the submit begun at {} was found; creating it now", job.id(),
                job.vendor(), job.operation(), job.submitStartedAt());
        create(job, flow, now);
    }

    private void check(JobRecord job, JobFlow flow, Instant now) throws VendorException {
        JobStatus status = flow.check(job);
        observer.statusUpdate(job, false);
        CrashPoints.reach(CrashPoints.AFTER_STATUS_CHECK);
        JobRecord downloading = apply(job, status, now);
        if (downloading != null) {
            deliver(downloading, flow);
        }
    }

    /**
     * Records what the vendor says about a job, from a status check or a push.
     *
     * @return the job, now DOWNLOADING, when its files can be fetched; null otherwise
     */
    private JobRecord apply(JobRecord job, JobStatus status, Instant now) {
        if (status instanceof JobStatus.Running running) {
            JobRecord next = job.withVendorStatus(running.vendorStatus(), running.progress());
            next = next.nextRunAt(now.plus(pacing.nextPoll(next, now, statusPushed.test(job))), 0, null);
            boolean firstSeenRunning = job.state() != JobState.RUNNING;
            ledger.save(firstSeenRunning ? next.moveTo(JobState.RUNNING, null) : next,
                    "vendor status " + running.vendorStatus());
            return null;
        }
        if (status instanceof JobStatus.Succeeded done) {
            return ledger.checkpoint(job.withVendorStatus(done.vendorStatus(), 100)
                    .moveTo(JobState.DOWNLOADING, null).nextRunAt(now, 0, null), "vendor status " + done.vendorStatus());
        }
        JobStatus.Failed failed = (JobStatus.Failed) status;
        fail(job.withVendorStatus(failed.vendorStatus(), job.progress()), failed.reason());
        return null;
    }

    /** A split job: delivered when every part is, failed when one fails; it makes no vendor calls itself. */
    private void followParts(JobRecord job, JobFlow flow, Instant now) {
        List<JobRequest> split = flow.parts(job);
        JobParts.Progress progress = parts.progress(job, split);
        if (progress.incomplete()) {
            parts.admit(job, split);
        }
        if (progress.failure() != null) {
            fail(job, progress.failure());
        } else if (progress.allDelivered()) {
            ledger.save(job.withVendorStatus(progress.describe(), 100).moveTo(JobState.DELIVERED, null),
                    "all " + progress.total() + " parts delivered");
        } else {
            ledger.save(job.withVendorStatus(progress.describe(), progress.percent())
                    .nextRunAt(now.plus(settings.pollInitial()), 0, null), null);
        }
    }

    /**
     * Delivers every result file not delivered by an earlier attempt, starts the follow-up requests, writes the
     * manifest, and only then records the job as delivered: a crash anywhere in between repeats just the missing
     * part (the manifest comes from the ledger, so it is written again identically).
     */
    private void deliver(JobRecord job, JobFlow flow) throws VendorException {
        Destination destination = destinations.apply(job.destination());
        Set<String> delivered = new HashSet<>();
        ledger.files(job.id()).forEach(file -> delivered.add(file.name()));
        List<ResultFile> files = flow.resultFiles(job);
        long bytes = 0;
        for (ResultFile file : files) {
            if (delivered.contains(delivery.targetName(job, file, destination))) {
                continue;
            }
            DeliveredFile done = delivery.deliver(job, file, destination);
            CrashPoints.reach(CrashPoints.AFTER_FILE_WRITTEN);
            ledger.recordFile(job.id(), done);
            bytes += done.sizeBytes();
            LOG.info("job {} ({} {}) delivered {} ({} bytes, sha256 {})", job.id(), job.vendor(), job.vendorJobId(),
                    done.location(), done.sizeBytes(), done.sha256());
        }
        List<JobRequest> followUps = flow.followUps(job);
        followUps.forEach(request -> followUpIntake.accept(request, job.id()));
        DeliveredFile manifest = delivery.deliverManifest(job, destination, Manifest.of(job, ledger.files(job.id())));
        LOG.info("job {} ({} {}) manifest {} ({} bytes, sha256 {})", job.id(), job.vendor(), job.vendorJobId(),
                manifest.location(), manifest.sizeBytes(), manifest.sha256());
        CrashPoints.reach(CrashPoints.BEFORE_DELIVERED);
        String detail = "delivered " + files.size() + " file(s)"
                + (followUps.isEmpty() ? "" : ", started " + followUps.size() + " follow-up request(s)");
        JobRecord done = ledger.save(job.moveTo(JobState.DELIVERED, null), detail);
        spool.discard(job.id());
        observer.delivered(done, sinceVendorFinished(job), bytes);
    }

    /** How long ago the vendor job ended: the job turned DOWNLOADING then (the latest time, after a retry). */
    private Duration sinceVendorFinished(JobRecord job) {
        List<JobTransition> history = ledger.history(job.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).state() == JobState.DOWNLOADING) {
                return Duration.between(history.get(i).at(), clock.instant());
            }
        }
        return Duration.ZERO;
    }

    private void handle(JobRecord job, VendorException e, Instant now) {
        switch (e.kind()) {
            case PERMANENT -> fail(job, e.getMessage());
            case QUOTA -> {
                observer.quotaWait(job, true);
                Instant until = e.notBefore().orElse(now.plus(settings.quotaWait()));
                // a refused create leaves no vendor job: the job is queued again
                boolean notCreated = job.state() == JobState.RECEIVED || job.state() == JobState.SUBMITTING;
                JobState state = notCreated ? JobState.QUEUED : job.state();
                String why = "waiting for vendor quota until " + until + " (" + e.getMessage() + ")";
                JobRecord waiting = (state == job.state() ? job : job.moveTo(state, why)).nextRunAt(until, 0, why);
                ledger.save(waiting, why);
            }
            case RETRYABLE -> {
                // a call the bridge held back itself (budget, paused API) never reached the vendor: not an attempt
                int attempt = e.isHeldBack() ? Math.max(job.attempts(), 1) : job.attempts() + 1;
                if (attempt >= settings.maxAttempts()) {
                    fail(job, "gave up after " + attempt + " attempts; last error " + e.getMessage());
                    return;
                }
                Duration delay = pacing.nextRetry(attempt);
                Duration vendorAsks = e.notBefore().map(at -> Duration.between(now, at)).orElse(Duration.ZERO);
                delay = vendorAsks.compareTo(delay) > 0 ? vendorAsks : delay;
                LOG.warn("job {} ({} {}) attempt {} failed, retrying in {} ms: {}", job.id(), job.vendor(),
                        job.vendorJobId(), attempt, delay.toMillis(), e.getMessage());
                ledger.save(job.nextRunAt(now.plus(delay), attempt, "retrying after " + e.getMessage()), null);
            }
        }
    }

    private void fail(JobRecord job, String reason) {
        ledger.save(job.moveTo(JobState.FAILED, reason), reason);
        spool.discard(job.id());
    }
}
