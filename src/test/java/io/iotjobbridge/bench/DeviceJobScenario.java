package io.iotjobbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.iotjobbridge.sandbox.SandboxStats;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;

/**
 * Alibaba CreateJob jobs, each on a product of {@code fleet-size} devices, from request to task report: throughput,
 * vendor calls per delivered job against the fewest the flow can make, and throttling at the documented QPS.
 */
final class DeviceJobScenario {

    static final String SAMPLE = "aliyun-create-job.json";
    private static final List<String> APIS = List.of("CreateJob", "QueryJob", "QueryJobStatistics", "ListTask");
    /** ListTask's largest page. */
    private static final int TASKS_PER_PAGE = 50;

    private DeviceJobScenario() {
    }

    static ResultRow run(BenchSettings settings) throws Exception {
        List<RequestFiles.Request> requests = RequestFiles.copies(SAMPLE, "devicejob", settings.deviceJobs(),
                (k, doc) -> doc.with("params").put("JobName", String.format("bench_reboot_%03d", k)));
        Map<String, String> props = new LinkedHashMap<>(settings.engineProperties());
        props.put("bridge.sandbox.aliyun.fleet-size", String.valueOf(settings.fleetSize()));
        props.put("bridge.sandbox.aliyun.job-running-ms", String.valueOf(settings.deviceJobRunning().toMillis()));
        props.put("bridge.sandbox.push.enabled", "false");

        try (BridgeRun run = BridgeRun.start(BenchSettings.ALIYUN_DEVICE_JOBS, props)) {
            run.drop(requests);
            Outcomes outcomes = run.await(RequestFiles.ids(requests), settings.timeout());
            SandboxStats stats = run.stats();
            long heap = HeapPeak.bytes();
            long calls = APIS.stream().mapToLong(stats::callsOf).sum();
            double perJob = outcomes.delivered() == 0 ? Double.NaN : calls / (double) outcomes.delivered();
            return ResultRow.measured(BenchSettings.ALIYUN_DEVICE_JOBS, outcomes, stats, heap,
                            notes(stats, outcomes)).withCalls(perJob, minimumCallsPerJob(settings.fleetSize()))
                    .withBound(bound(settings.deviceJobs(), settings.fleetSize(), settings.deviceJobRunning(),
                            AliyunOperations.QPS.get("CreateJob"), AliyunOperations.QPS.get("ListTask")));
        }
    }

    /**
     * The shortest makespan the vendor's QPS allows. It counts calls per whole clock second, so k calls of one API
     * span at least ceil(k/QPS) seconds and the first and last are at least ceil(k/QPS) - 1 s apart. Counted from
     * the first CreateJob: the last CreateJob comes at least ceil(n/QPS) - 1 s later, and its job then runs; and no
     * job is over before one running time, so no ListTask comes earlier, and all n·pages of them take at least
     * ceil(n·pages/QPS) - 1 s more.
     */
    static Duration bound(int jobs, int tasks, Duration running, int createQps, int listQps) {
        long creates = ceilDiv(jobs, createQps) - 1;
        long listing = ceilDiv((long) jobs * pages(tasks), listQps) - 1;
        return running.plusSeconds(Math.max(creates, listing));
    }

    /**
     * The fewest calls {@code DeviceJobFlow} can make for one job: CreateJob; one status check once the job is
     * COMPLETED, which is QueryJob alone (an end state needs no QueryJobStatistics); then the report, which asks
     * QueryJob and QueryJobStatistics once more and pages ListTask 50 tasks at a time.
     */
    static int minimumCallsPerJob(int tasks) {
        return 1 + 1 + 2 + pages(tasks);
    }

    /** ListTask pages for one job's report: a job with no tasks still asks once. */
    private static int pages(int tasks) {
        return (int) Math.max(1, ceilDiv(tasks, TASKS_PER_PAGE));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static List<String> notes(SandboxStats stats, Outcomes outcomes) {
        List<String> notes = new ArrayList<>();
        long delivered = outcomes.delivered();
        if (delivered > 0) {
            // the report asks QueryJob once per job; every other QueryJob was a status check
            double checks = (stats.callsOf("QueryJob") - delivered) / (double) delivered;
            notes.add(String.format(Locale.ROOT, "status checks per job: %.2f (QueryJob), with"
                    + " QueryJobStatistics while the job was not over", checks));
        }
        notes.add("calls: " + APIS.stream().map(api -> api + " " + stats.callsOf(api)).toList());
        Findings.addRejectionsAndProblems(notes, stats, outcomes);
        return notes;
    }
}
