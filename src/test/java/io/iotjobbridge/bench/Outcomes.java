package io.iotjobbridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every job of one scenario, and what the table reports about them together. */
record Outcomes(List<JobOutcome> jobs) {

    Outcomes {
        jobs = List.copyOf(jobs);
    }

    int count() {
        return jobs.size();
    }

    long delivered() {
        return jobs.stream().filter(JobOutcome::isDelivered).count();
    }

    long failed() {
        return jobs.stream().filter(JobOutcome::isFailed).count();
    }

    boolean allOver() {
        return jobs.stream().allMatch(JobOutcome::isOver);
    }

    List<JobOutcome> deliveredJobs() {
        return jobs.stream().filter(JobOutcome::isDelivered).toList();
    }

    /**
     * From the first request the bridge recorded to the last file it delivered: the bridge's own intake, waiting and
     * delivery count, the time the test took to drop the files does not.
     */
    Optional<Duration> makespan() {
        Optional<Instant> first = jobs.stream().map(JobOutcome::receivedAt).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        Optional<Instant> last = deliveredJobs().stream().map(JobOutcome::lastFileAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        if (first.isEmpty() || last.isEmpty() || delivered() == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(first.get(), last.get()));
    }

    /** Why jobs failed or are still open, with how many each: the notes under the table. */
    Map<String, Long> problems() {
        Map<String, Long> reasons = new TreeMap<>();
        for (JobOutcome outcome : jobs) {
            if (outcome.job() == null) {
                reasons.merge("never recorded (the request was not read in time)", 1L, Long::sum);
            } else if (!outcome.isDelivered()) {
                String reason = outcome.job().reason() == null ? "" : ": " + outcome.job().reason();
                reasons.merge(outcome.job().state() + shorten(reason), 1L, Long::sum);
            }
        }
        return reasons;
    }

    /** Reasons quote vendor ids and times: without them (and cut short) alike failures group together. */
    private static String shorten(String reason) {
        String general = reason.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>")
                .replaceAll("[0-9a-fA-F]{16,}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>");
        return general.length() <= 160 ? general : general.substring(0, 159) + "…";
    }
}
