package io.iotjobbridge.push;

import java.util.Objects;

import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Vendor;

/**
 * A job status a vendor pushed, read from its message.
 *
 * @param account     the account profile whose subscription received it
 * @param vendorJobId the vendor's id of the job (Alibaba {@code LongJobId}, Huawei batch {@code task_id})
 * @param messageId   the vendor's id of the message, by which repeats are recognised
 */
public record PushedStatus(Vendor vendor, String account, String vendorJobId, JobStatus status, String messageId) {

    public PushedStatus {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(vendorJobId, "vendorJobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageId, "messageId");
    }
}
