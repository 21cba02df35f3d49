package io.iotjobbridge.vendor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.JobRequest;

/**
 * How one vendor operation is driven from request to result files. The engine owns timing, persistence and
 * retries; a flow only speaks to the vendor, so each is a short sequence of signed calls.
 */
public interface JobFlow {

    /**
     * Starts the vendor job and returns the vendor's id for it. A flow that watches something that already exists
     * (a distribution job, a list of batch tasks) returns the id of what it watches.
     */
    String submit(JobRecord job) throws VendorException;

    /** One status check of the vendor job {@code job.vendorJobId()}. */
    JobStatus check(JobRecord job) throws VendorException;

    /**
     * The result files of a finished job, fetched (or written) just before they are delivered. Called again on every
     * delivery attempt, so it must give the same names for the same vendor state.
     */
    List<ResultFile> resultFiles(JobRecord job) throws VendorException;

    /**
     * When the vendor job is meant to start (by default, when the bridge began to create it; time spent queued for
     * a quota does not count): the job timeout counts from here. A job scheduled days ahead (Alibaba's
     * {@code ScheduledTime}) must not time out while it waits for its own start.
     */
    default Instant startsAt(JobRecord job) {
        return job.submitStartedAt() != null ? job.submitStartedAt() : job.createdAt();
    }

    /**
     * Requests this job starts once its files are delivered (e.g. one export per listed batch task). Each carries a
     * request id derived from this job's, so asking twice never starts anything twice.
     */
    default List<JobRequest> followUps(JobRecord job) throws VendorException {
        return List.of();
    }

    /**
     * The vendor job an interrupted submit created, when the vendor lets it be found: the bridge recorded that it
     * was about to create a vendor job at {@code sentAfter}, and then crashed or lost the answer. Empty means none
     * exists (or the vendor offers no way to look), and the engine submits again.
     */
    default Optional<String> findSubmitted(JobRecord job, Instant sentAfter) throws VendorException {
        return Optional.empty();
    }

    /**
     * The vendor quotas a submit of this job uses. The engine starts the vendor job only when every one has room,
     * and otherwise keeps the job queued with the reason and the time it will look again.
     */
    default List<Quota> quotas(JobRecord job) {
        return List.of();
    }

    /**
     * The smaller requests this job is split into, when the vendor cannot take it whole (a data download over more
     * days than the vendor allows). Empty for a job the vendor takes as it is. Each part's request id is derived
     * from this job's, and this job is delivered once every part is.
     */
    default List<JobRequest> parts(JobRecord job) {
        return List.of();
    }

    /**
     * Asks the vendor to cancel the unfinished vendor job {@code job.vendorJobId()}, where the vendor has a call
     * for it. Most vendor jobs have none (Huawei exports and batch tasks, Alibaba data downloads): then nothing is
     * sent and the answer is false, and the job is cancelled in the bridge only, the vendor job running on.
     *
     * @return true when the vendor accepted the cancel
     * @throws VendorException when the vendor refused it (or could not be reached); the job must stay as it is
     */
    default boolean cancelAtVendor(JobRecord job) throws VendorException {
        return false;
    }

    /**
     * Whether the vendor pushes this job's status changes (over its AMQP subscription) when the account subscribes:
     * then the bridge checks the status itself only as a safety net.
     */
    default boolean statusIsPushed() {
        return false;
    }
}
