package io.iotjobbridge.vendor;

/** What one status check of a vendor job found. */
public sealed interface JobStatus {

    /** The raw status as the vendor spells it, for operators. */
    String vendorStatus();

    /** Still going; {@code progress} is 0-100 when the vendor reports it. */
    record Running(String vendorStatus, Integer progress) implements JobStatus {
    }

    /** Done; the result files can be fetched now. */
    record Succeeded(String vendorStatus) implements JobStatus {
    }

    /** Done without a result. */
    record Failed(String vendorStatus, String reason) implements JobStatus {
    }
}
