package io.iotjobbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What one benchmark run does, from {@code key=value} arguments or {@code bench.<key>} system properties (arguments
 * win). The defaults finish in about five minutes on two cores.
 *
 * @param scenarios          which scenarios run, in the table's order
 * @param exports            Huawei CreateExportTask jobs
 * @param exportProcessing   how long the sandbox keeps an export Processing
 * @param downloadInterval   the sandbox's time between two export file downloads of one user (IoTDA's is 30 s)
 * @param deviceJobs         Alibaba CreateJob jobs
 * @param fleetSize          devices each device job targets (a product of that many devices)
 * @param deviceJobRunning   how long the sandbox takes to run a device job
 * @param downloads          Alibaba CreateDownloadDataJob jobs (the vendor allows 3 a day)
 * @param tick               the engine's scheduler period
 * @param pollInitial        the engine's first status check after a create
 * @param pollMax            the engine's longest gap between status checks
 * @param workers            jobs the engine advances at once
 * @param quotaWait          the engine's wait before trying a full vendor quota again
 * @param timeout            how long one scenario may take before its unfinished jobs are reported as such
 */
record BenchSettings(List<String> scenarios, int exports, Duration exportProcessing, Duration downloadInterval,
                     int deviceJobs, int fleetSize, Duration deviceJobRunning, int downloads, Duration tick,
                     Duration pollInitial, Duration pollMax, int workers, Duration quotaWait, Duration timeout) {

    static final String HUAWEI_EXPORT = "huawei-export";
    static final String ALIYUN_DEVICE_JOBS = "aliyun-device-jobs";
    static final String ALIYUN_DOWNLOAD = "aliyun-download";
    static final List<String> ALL_SCENARIOS = List.of(HUAWEI_EXPORT, ALIYUN_DEVICE_JOBS, ALIYUN_DOWNLOAD);

    /** How often the inbox is scanned, and how long a file must be unchanged before it is read. */
    static final Duration INBOX_POLL = Duration.ofMillis(100);

    /** Every key with its default, in the order the usage text lists them. */
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("scenarios", String.join(",", ALL_SCENARIOS));
        d.put("exports", "100");
        d.put("export-processing-ms", "3000");
        d.put("download-interval-ms", "2000");
        d.put("device-jobs", "30");
        d.put("fleet-size", "200");
        d.put("device-job-running-ms", "3000");
        d.put("downloads", "3");
        d.put("tick-ms", "50");
        d.put("poll-initial-ms", "200");
        d.put("poll-max-ms", "5000");
        d.put("workers", "4");
        d.put("quota-wait-ms", "1000");
        d.put("timeout-minutes", "10");
        return d;
    }

    /**
     * @throws IllegalArgumentException naming the key and the rule it breaks
     */
    static BenchSettings parse(String[] args, Properties system) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        DEFAULTS.keySet().forEach(key -> {
            String fromSystem = system.getProperty("bench." + key);
            if (fromSystem != null && !fromSystem.isBlank()) {
                values.put(key, fromSystem.trim());
            }
        });
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq).trim();
            if (eq < 0 || !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("argument '" + arg + "' must be key=value with a key of "
                        + DEFAULTS.keySet());
            }
            values.put(key, arg.substring(eq + 1).trim());
        }
        Reader read = new Reader(values);
        return new BenchSettings(read.scenarios(),
                read.integer("exports", 1, 1_000),
                read.millis("export-processing-ms", 0, 600_000),
                read.millis("download-interval-ms", 0, 600_000),
                read.integer("device-jobs", 1, 1_000),
                // ListTask pages of 50 at 5 QPS: a fleet of 100,000 would take minutes per job
                read.integer("fleet-size", 1, 100_000),
                read.millis("device-job-running-ms", 0, 600_000),
                // the sandbox plays the vendor's 3 jobs per account and day; a 4th would wait until tomorrow
                read.integer("downloads", 1, 3),
                read.millis("tick-ms", 10, 10_000),
                read.millis("poll-initial-ms", 10, 60_000),
                read.millis("poll-max-ms", 10, 600_000),
                read.integer("workers", 1, 64),
                read.millis("quota-wait-ms", 10, 600_000),
                Duration.ofMinutes(read.integer("timeout-minutes", 1, 600)));
    }

    static String usage() {
        StringBuilder text = new StringBuilder("arguments (key=value, or -Dbench.<key>=value):");
        DEFAULTS.forEach((key, value) -> text.append(System.lineSeparator()).append("  ").append(key)
                .append(" (default ").append(value).append(')'));
        return text.toString();
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The engine and inbox settings every scenario's bridge gets: realistic in shape, fast in time. */
    Map<String, String> engineProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bridge.engine.tick-ms", String.valueOf(tick.toMillis()));
        props.put("bridge.engine.poll-initial-ms", String.valueOf(pollInitial.toMillis()));
        props.put("bridge.engine.poll-max-ms", String.valueOf(pollMax.toMillis()));
        props.put("bridge.engine.workers", String.valueOf(workers));
        props.put("bridge.engine.quota-wait-ms", String.valueOf(quotaWait.toMillis()));
        props.put("bridge.engine.retry-initial-ms", String.valueOf(pollInitial.toMillis()));
        props.put("bridge.engine.retry-max-ms", String.valueOf(pollMax.toMillis()));
        // a request file is read once it has not changed for a check
        props.put("bridge.inbox.poll-ms", String.valueOf(INBOX_POLL.toMillis()));
        props.put("bridge.inbox.read-lock-check-ms", String.valueOf(INBOX_POLL.toMillis()));
        props.put("bridge.inbox.read-lock-min-age-ms", String.valueOf(INBOX_POLL.toMillis()));
        return props;
    }

    /** The settings line of the printed table. */
    String describe() {
        return "engine: tick " + tick.toMillis() + " ms, poll-initial " + pollInitial.toMillis() + " ms, poll-max "
                + pollMax.toMillis() + " ms (retries the same), workers " + workers + ", quota-wait "
                + quotaWait.toMillis() + " ms, inbox poll " + INBOX_POLL.toMillis() + " ms"
                + " | huawei-export: " + exports + " jobs, processing " + exportProcessing.toMillis()
                + " ms, download interval " + downloadInterval.toMillis() + " ms"
                + " | aliyun-device-jobs: " + deviceJobs + " jobs x " + fleetSize + " devices, running "
                + deviceJobRunning.toMillis() + " ms"
                + " | aliyun-download: " + downloads + " jobs, " + DataDownloadScenario.TIMELINE;
    }

    /** Reads one key at a time, so every error names the key and its rule. */
    private record Reader(Map<String, String> values) {

        int integer(String key, int min, int max) {
            String value = values.get(key);
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number; was '" + value + "'", e);
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(key + " must be " + min + " to " + max + "; was " + parsed);
            }
            return parsed;
        }

        Duration millis(String key, int min, int max) {
            return Duration.ofMillis(integer(key, min, max));
        }

        List<String> scenarios() {
            Set<String> chosen = new LinkedHashSet<>();
            for (String name : values.get("scenarios").split(",")) {
                String scenario = name.trim();
                if (scenario.equals("all")) {
                    chosen.addAll(ALL_SCENARIOS);
                } else if (ALL_SCENARIOS.contains(scenario)) {
                    chosen.add(scenario);
                } else if (!scenario.isEmpty()) {
                    throw new IllegalArgumentException("scenarios must name some of " + ALL_SCENARIOS
                            + " (or all); '" + scenario + "' is none of them");
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("scenarios must name at least one of " + ALL_SCENARIOS);
            }
            // the table lists them in one fixed order, whatever order they were named in
            List<String> ordered = new ArrayList<>(ALL_SCENARIOS);
            ordered.retainAll(chosen);
            return ordered;
        }
    }
}
