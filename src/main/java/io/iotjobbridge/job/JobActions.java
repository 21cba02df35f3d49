package io.iotjobbridge.job;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.iotjobbridge.ledger.JobControl;
import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator can do to a job: cancel it (at the vendor too, where the job's flow can) or run it again. The
 * vendor is asked first, so a refused vendor cancel leaves the job as it was. A job split into parts is acted on
 * with its parts: cancelling the whole cancels its unfinished parts, and retrying it retries the parts that ended
 * undelivered (else the whole would fail again at once on the same part).
 */
public final class JobActions {

    private static final Logger LOG = LoggerFactory.getLogger(JobActions.class);
    static final String CANCELLED_BY_OPERATOR = "cancelled by an operator";

    private final JobControl control;
    private final JobQueries queries;
    private final Function<JobRecord, JobFlow> flows;

    /** @param queries finds a job by its id or its request id (an operator knows one or the other) */
    public JobActions(JobControl control, JobQueries queries, Function<JobRecord, JobFlow> flows) {
        this.control = control;
        this.queries = queries;
        this.flows = flows;
    }

    /** What became of an operator's action on a job. */
    public sealed interface Outcome {
    }

    /** No job has this id or request id. */
    public record Unknown() implements Outcome {
    }

    /** The job's state does not allow the action; {@code job} is as it stands, unchanged. */
    public record NotAllowed(JobRecord job) implements Outcome {
    }

    /** The vendor refused to cancel its job (or could not be reached); the job is unchanged. */
    public record VendorRefused(JobRecord job, VendorException refusal) implements Outcome {
    }

    /** @param vendorCancelled whether the vendor job was cancelled too (false: the vendor has no cancel call) */
    public record Done(JobRecord job, boolean vendorCancelled) implements Outcome {
    }

    /**
     * Cancels an unfinished job, first at the vendor where its flow has a cancel call and its vendor job still runs.
     *
     * @param jobOrRequestId the job's id or its request id
     */
    public Outcome cancel(String jobOrRequestId) {
        Optional<JobRecord> found = find(jobOrRequestId);
        if (found.isEmpty()) {
            return new Unknown();
        }
        Outcome outcome = cancel(found.get());
        if (outcome instanceof Done done && JobParts.isSplit(found.get())) {
            for (JobRecord part : parts(found.get())) {
                if (!part.state().isTerminal() && !(cancel(part) instanceof Done)) {
                    LOG.warn("job {}: part {} could not be cancelled; it runs on", done.job().id(), part.id());
                }
            }
        }
        return outcome;
    }

    /**
     * Runs a FAILED or CANCELLED job again from the beginning: a new vendor job, due at once.
     *
     * @param jobOrRequestId the job's id or its request id
     */
    public Outcome retry(String jobOrRequestId) {
        Optional<JobRecord> found = find(jobOrRequestId);
        if (found.isEmpty()) {
            return new Unknown();
        }
        JobRecord job = found.get();
        if (!job.state().canBeRetried()) {
            return new NotAllowed(job);
        }
        if (JobParts.isSplit(job)) {
            // the parts first: the whole, once restarted, must find none of them ended undelivered
            parts(job).stream().filter(part -> part.state().canBeRetried())
                    .forEach(part -> outcome(control.retry(part.id()), false));
        }
        return outcome(control.retry(job.id()), false);
    }

    private Outcome cancel(JobRecord job) {
        if (job.state().isTerminal()) {
            return new NotAllowed(job);
        }
        boolean vendorCancelled = false;
        if (runsAtVendor(job)) {
            try {
                vendorCancelled = flows.apply(job).cancelAtVendor(job);
            } catch (VendorException e) {
                LOG.warn("job {} ({} {}): the vendor refused to cancel its job: {}", job.id(), job.vendor(),
                        job.vendorJobId(), e.getMessage());
                return new VendorRefused(job, e);
            }
        }
        String why = CANCELLED_BY_OPERATOR + (!runsAtVendor(job) ? ""
                : vendorCancelled ? "; vendor job " + job.vendorJobId() + " cancelled too"
                : "; vendor job " + job.vendorJobId() + " runs on: the vendor has no cancel call for it");
        return outcome(control.cancel(job.id(), why), vendorCancelled);
    }

    private static Outcome outcome(Optional<JobControl.Change> change, boolean vendorCancelled) {
        if (change.isEmpty()) {
            return new Unknown();
        }
        JobRecord job = change.get().job();
        if (!change.get().applied()) {
            return new NotAllowed(job);
        }
        // the ledger logs the transition itself, with the reason
        return new Done(job, vendorCancelled);
    }

    /** A vendor job exists and has not finished; a split job has no vendor job of its own. */
    private static boolean runsAtVendor(JobRecord job) {
        return job.vendorJobId() != null && job.state().isUnfinishedAtVendor() && !JobParts.isSplit(job);
    }

    private Optional<JobRecord> find(String jobOrRequestId) {
        return queries.find(jobOrRequestId).map(JobQueries.ListedJob::job);
    }

    /** The parts of a split job the ledger has admitted, in order. */
    private List<JobRecord> parts(JobRecord whole) {
        List<JobRequest> split = flows.apply(whole).parts(whole);
        return split.stream().map(part -> find(part.id())).flatMap(Optional::stream).toList();
    }
}
