package io.iotjobbridge.crash;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Seeded random fault plans for the soak: transient faults only (each answered by a retry), and never on a create,
 * so the audit's one-create-per-request still holds. Each target gets {@value #STEPS} steps, about a third faults,
 * with served calls between.
 */
final class SoakFaults {

    private static final int STEPS = 12;
    private static final List<String> RPC = List.of("500", "503", "throttle", "reset", "truncated", "malformed");
    private static final List<String> DOWNLOAD = List.of("500", "503", "reset", "truncated");
    private static final List<String> IOTDA = List.of("500", "503", "throttle", "reset", "truncated", "malformed");
    private static final Map<String, List<String>> TARGETS = Map.of(
            "aliyun.QueryJob", RPC,
            "aliyun.QueryJobStatistics", RPC,
            "aliyun.ListTask", RPC,
            "aliyun.GetDownloadFile", RPC,
            "aliyun.CsvDownload", DOWNLOAD,
            "huawei.ListExportTasks", IOTDA,
            "huawei.ShowExportTask", DOWNLOAD);

    private SoakFaults() {
    }

    /** One {@code target=spec} line per target, in a fixed order so a seed always gives the same plans. */
    static String plans(Random random) {
        StringJoiner lines = new StringJoiner("\n");
        TARGETS.keySet().stream().sorted().forEach(target -> {
            List<String> faults = TARGETS.get(target);
            StringJoiner steps = new StringJoiner(",");
            for (int i = 0; i < STEPS; i++) {
                steps.add(random.nextInt(3) == 0 ? faults.get(random.nextInt(faults.size()))
                        : "ok*" + (1 + random.nextInt(3)));
            }
            lines.add(target + "=" + steps);
        });
        return lines.toString();
    }
}
