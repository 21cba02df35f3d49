package io.iotjobbridge.vendor.aliyun;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.vendor.JobStatus;

/**
 * How a device job's QueryJob {@code Status} and QueryJobStatistics counts map to the engine's view.
 *
 * <p>The job-status enumeration is not documented in full: the pages show only {@code CANCELLING} (CancelJob) and
 * {@code CANCELLED} (QueryJob's sample). {@code COMPLETED} is assumed to be the other end state, as the sandbox
 * plays it. So that an end state this code does not know can never keep a job polling for ever, a job whose tasks
 * have all reached a final state is finished as well, whatever its Status says; the engine's job timeout covers a
 * job that never gets there. A cancelled job still delivers its report: which devices ran and which did not is
 * exactly what its owner needs then.
 */
final class DeviceJobStatus {

    static final Set<String> END_STATES = Set.of("COMPLETED", "CANCELLED");

    private DeviceJobStatus() {
    }

    static JobStatus interpret(String status, TaskCounts counts) {
        if (END_STATES.contains(status)) {
            return new JobStatus.Succeeded(status);
        }
        if (counts.total() > 0 && counts.unfinished() == 0) {
            return new JobStatus.Succeeded(status + " (every task final)");
        }
        // the counts go with the status word, so an operator sees "812 of 2000 tasks final", not IN_PROGRESS alone
        return new JobStatus.Running(counts.total() > 0 ? status + ": " + counts.describe() : status,
                counts.progress());
    }

    /**
     * QueryJobStatistics' {@code Data}. Read without regard to case, because the page's XML sample spells one
     * element {@code inProgress}; a missing count is 0.
     */
    record TaskCounts(int total, int queued, int sent, int inProgress, int succeeded, int failed, int rejected,
                      int timeOut, int cancelled) {

        /** No counts: for a job whose Status alone decides. */
        static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        static TaskCounts of(JsonNode data) {
            return new TaskCounts(count(data, "Total"), count(data, "Queued"), count(data, "Sent"),
                    count(data, "InProgress"), count(data, "Succeeded"), count(data, "Failed"),
                    count(data, "Rejected"), count(data, "TimeOut"), count(data, "Cancelled"));
        }

        /** Tasks in a final state: Succeeded, Failed, Rejected, TimeOut and Cancelled. */
        int finished() {
            return succeeded + failed + rejected + timeOut + cancelled;
        }

        /** Tasks still to run or running; computed from the total, so a state added by the vendor counts here. */
        int unfinished() {
            return Math.max(0, total - finished());
        }

        /** {@code 812 of 2000 tasks final, 13 failed}: short, it is kept as the job's vendor status. */
        String describe() {
            int unsuccessful = failed + rejected + timeOut;
            return finished() + " of " + total + " tasks final" + (unsuccessful > 0 ? ", " + unsuccessful + " failed" : "");
        }

        /** Finished tasks in percent of all, or null while the job has no tasks yet. */
        Integer progress() {
            return total <= 0 ? null : (int) Math.min(100, (long) finished() * 100 / total);
        }

        private static int count(JsonNode data, String name) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return field.getValue().asInt(0);
                }
            }
            return 0;
        }
    }
}
