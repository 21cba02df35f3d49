package io.iotjobbridge.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real bridge in-process against its embedded vendor sandbox, one scenario after another, and prints one
 * table: how close Huawei exports come to the makespan the vendor's limits allow, Alibaba device-job throughput and
 * calls, Alibaba data-download latency from vendor completion to delivered file, refusals for throttling or quotas
 * (the target is zero) and the peak heap of each scenario.
 *
 * <p>Not part of the test run: {@code mvn -Pbench test} runs it (see README, "Benchmark"); arguments are
 * {@code key=value}, see {@link BenchSettings}.
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("BridgeBenchmark: " + e.getMessage());
            System.err.println(BenchSettings.usage());
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            ResultTable.print(System.out, header(settings), run(settings));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // a bridge that failed to stop may leave non-daemon threads behind: the run is over either way
        System.exit(status);
    }

    private static List<ResultRow> run(BenchSettings settings) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        if (settings.runs(BenchSettings.HUAWEI_EXPORT)) {
            rows.add(HuaweiExportScenario.run(settings));
        }
        if (settings.runs(BenchSettings.ALIYUN_DEVICE_JOBS)) {
            rows.add(DeviceJobScenario.run(settings));
        }
        if (settings.runs(BenchSettings.ALIYUN_DOWNLOAD)) {
            rows.add(DataDownloadScenario.runPolling(settings));
            rows.add(DataDownloadScenario.runPushed(settings));
        }
        return rows;
    }

    private static List<String> header(BenchSettings settings) {
        Runtime runtime = Runtime.getRuntime();
        String machine = "BridgeBenchmark " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " | " + runtime.availableProcessors() + " cores | Java " + System.getProperty("java.version")
                + " | max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB"
                + " | " + ManagementFactory.getOperatingSystemMXBean().getName();
        return List.of(machine, settings.describe());
    }
}
