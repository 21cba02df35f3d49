package io.iotjobbridge.vendor;

import java.util.List;

import io.iotjobbridge.ledger.JobRecord;

/**
 * How one vendor operation is driven from request to result files. The engine owns timing, persistence and
 * retries; a flow only speaks to the vendor, so each is a short sequence of signed calls.
 */
public interface JobFlow {

    /** Starts the vendor job and returns the vendor's id for it. */
    String submit(JobRecord job) throws VendorException;

    /** One status check of the vendor job {@code job.vendorJobId()}. */
    JobStatus check(JobRecord job) throws VendorException;

    /** The result files of a succeeded job, with fresh URLs, fetched just before they are downloaded. */
    List<RemoteFile> resultFiles(JobRecord job) throws VendorException;
}
