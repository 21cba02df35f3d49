package io.iotjobbridge.bench;

import java.time.Duration;
import java.util.List;

import io.iotjobbridge.sandbox.SandboxStats;

/**
 * One row of the benchmark's table. A value a scenario does not measure is null and printed as {@code -}.
 *
 * @param bound             the shortest makespan the vendor's rules allow, where the scenario derives one
 * @param callsPerJob       vendor API calls of the scenario's flow per delivered job
 * @param minCallsPerJob    the fewest calls the flow can make per job (every status check right after the vendor
 *                          finished)
 * @param latencyMean       vendor completion to delivered file, mean over the delivered jobs
 * @param latencyMax        the same, the slowest job
 * @param statusPollsPerJob status checks per job after its create, where push could replace them
 * @param limitRejections   throttling and quota refusals (the target is zero)
 * @param otherRejections   every other refusal
 * @param unavailable       why the row could not be measured; then only the scenario and this are printed
 * @param notes             findings printed under the table
 */
record ResultRow(String scenario, int jobs, long delivered, long failed, Duration makespan, Duration bound,
                 Double callsPerJob, Double minCallsPerJob, Duration latencyMean, Duration latencyMax,
                 Double statusPollsPerJob, Long limitRejections, Long otherRejections, Long peakHeapBytes,
                 String unavailable, List<String> notes) {

    ResultRow {
        notes = List.copyOf(notes);
    }

    static ResultRow unavailable(String scenario, String why) {
        return new ResultRow(scenario, 0, 0, 0, null, null, null, null, null, null, null, null, null, null, why,
                List.of());
    }

    /** A row with what every scenario measures the same way; the scenario adds its own columns with the withers. */
    static ResultRow measured(String scenario, Outcomes outcomes, SandboxStats stats, long peakHeapBytes,
                              List<String> notes) {
        return new ResultRow(scenario, outcomes.count(), outcomes.delivered(), outcomes.failed(),
                outcomes.makespan().orElse(null), null, null, null, null, null, null,
                LimitRejections.limitCount(stats), LimitRejections.otherCount(stats), peakHeapBytes, null, notes);
    }

    ResultRow withBound(Duration newBound) {
        return new ResultRow(scenario, jobs, delivered, failed, makespan, newBound, callsPerJob, minCallsPerJob,
                latencyMean, latencyMax, statusPollsPerJob, limitRejections, otherRejections, peakHeapBytes,
                unavailable, notes);
    }

    ResultRow withCalls(double perJob, double minimumPerJob) {
        return new ResultRow(scenario, jobs, delivered, failed, makespan, bound, perJob, minimumPerJob,
                latencyMean, latencyMax, statusPollsPerJob, limitRejections, otherRejections, peakHeapBytes,
                unavailable, notes);
    }

    ResultRow withLatency(Duration mean, Duration max, double pollsPerJob) {
        return new ResultRow(scenario, jobs, delivered, failed, makespan, bound, callsPerJob, minCallsPerJob,
                mean, max, pollsPerJob, limitRejections, otherRejections, peakHeapBytes, unavailable, notes);
    }

    /** Jobs neither delivered nor failed when the scenario's time ran out. */
    long open() {
        return jobs - delivered - failed;
    }
}
