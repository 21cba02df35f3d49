package io.iotjobbridge.job;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.request.JobRequest;

/**
 * A job the vendor cannot take whole runs as parts: each part is a job of its own (with its own quotas, retries and
 * files), and the whole is followed in the ledger alone, without vendor calls. Part request ids derive from the
 * whole's, so admitting the parts again after a crash finds the ones already admitted.
 */
final class JobParts {

    /** The vendor job id a split job records: it has no vendor job of its own. */
    static final String VENDOR_JOB_ID = "(parts)";

    private final JobLedger ledger;
    private final BiConsumer<JobRequest, String> intake;

    JobParts(JobLedger ledger, BiConsumer<JobRequest, String> intake) {
        this.ledger = ledger;
        this.intake = intake;
    }

    static boolean isSplit(JobRecord job) {
        return VENDOR_JOB_ID.equals(job.vendorJobId());
    }

    /** Admits every part not admitted yet (all of them the first time). */
    void admit(JobRecord whole, List<JobRequest> parts) {
        for (JobRequest part : parts) {
            if (ledger.findByRequestId(part.id()).isEmpty()) {
                intake.accept(part, whole.id());
            }
        }
    }

    /** Where the parts stand, in the order the parts come. */
    Progress progress(JobRecord whole, List<JobRequest> parts) {
        int delivered = 0;
        for (int i = 0; i < parts.size(); i++) {
            Optional<JobRecord> part = ledger.findByRequestId(parts.get(i).id());
            if (part.isEmpty()) {
                return new Progress(parts.size(), delivered, null, true);
            }
            JobState state = part.get().state();
            // a cancelled part ends the whole as a failed one does: the whole can never be delivered complete
            if (state == JobState.FAILED || state == JobState.CANCELLED) {
                String ended = state == JobState.FAILED ? "failed" : "was cancelled";
                return new Progress(parts.size(), delivered, "part " + (i + 1) + " of " + parts.size() + " (request "
                        + part.get().requestId() + ") " + ended + ": " + part.get().reason(), false);
            }
            if (part.get().state() == JobState.DELIVERED) {
                delivered++;
            }
        }
        return new Progress(parts.size(), delivered, null, false);
    }

    /**
     * @param failure    why the whole failed (a part failed), or null
     * @param incomplete some part is not admitted yet (a crash interrupted the admissions)
     */
    record Progress(int total, int delivered, String failure, boolean incomplete) {

        boolean allDelivered() {
            return delivered == total;
        }

        int percent() {
            return delivered * 100 / total;
        }

        String describe() {
            return delivered + " of " + total + " parts delivered";
        }
    }
}
