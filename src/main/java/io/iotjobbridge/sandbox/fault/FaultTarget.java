package io.iotjobbridge.sandbox.fault;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A vendor call faults can be injected into, {@code <vendor>.<action>}, with the faults that make sense for it: the
 * Alibaba RPC {@code Action}s, the Huawei IoTDA SDK operation names, and the two downloads ({@code aliyun.CsvDownload},
 * the OSS object behind {@code CsvUrl}; {@code huawei.ShowExportTask}, the export file). Declared once, as data.
 */
public record FaultTarget(String vendor, String action, Set<FaultKind> kinds) {

    public static final String ALIYUN = "aliyun";
    public static final String HUAWEI = "huawei";
    public static final String CSV_DOWNLOAD = "CsvDownload";

    private static final Set<FaultKind> RPC = EnumSet.of(FaultKind.OK, FaultKind.HTTP_500, FaultKind.HTTP_503,
            FaultKind.THROTTLE, FaultKind.ERROR, FaultKind.MALFORMED, FaultKind.TRUNCATED, FaultKind.RESET);
    private static final Set<FaultKind> IOTDA = EnumSet.of(FaultKind.OK, FaultKind.HTTP_500, FaultKind.HTTP_503,
            FaultKind.THROTTLE, FaultKind.MALFORMED, FaultKind.TRUNCATED, FaultKind.RESET);
    private static final Set<FaultKind> OSS = EnumSet.of(FaultKind.OK, FaultKind.HTTP_500, FaultKind.HTTP_503,
            FaultKind.TRUNCATED, FaultKind.RESET, FaultKind.STALL, FaultKind.EXPIRE_URL);

    private static final Map<String, FaultTarget> ALL = Stream.of(
                    Stream.of("CreateDownloadDataJob", "CreateJob", "QueryJob", "QueryJobStatistics", "ListTask",
                                    "CancelJob", "CreateDeviceDistributeJob", "QueryDeviceDistributeJob",
                                    "QueryDeviceDistributeDetail", "ListDeviceDistributeJob")
                            .map(action -> new FaultTarget(ALIYUN, action, RPC)),
                    Stream.of(new FaultTarget(ALIYUN, "GetDownloadFile", with(RPC, FaultKind.NEVER_FINISH)),
                            new FaultTarget(ALIYUN, CSV_DOWNLOAD, OSS)),
                    Stream.of("ListBatchTasks", "CreateBatchTask", "ShowBatchTask", "CreateExportTask",
                                    "ListExportTasks", "ShowExportTask")
                            .map(action -> new FaultTarget(HUAWEI, action, IOTDA)))
            .flatMap(Function.identity())
            .collect(Collectors.toUnmodifiableMap(FaultTarget::key, target -> target));

    public FaultTarget {
        kinds = Set.copyOf(kinds);
    }

    /** {@code aliyun.GetDownloadFile}: how the target is named in keys, stats and the admin endpoint. */
    public String key() {
        return vendor + "." + action;
    }

    public static Optional<FaultTarget> of(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    /** Every target, for reading {@code bridge.sandbox.faults.<target>} keys one by one. */
    public static List<FaultTarget> all() {
        return ALL.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
    }

    private static Set<FaultKind> with(Set<FaultKind> kinds, FaultKind extra) {
        EnumSet<FaultKind> more = EnumSet.copyOf(kinds);
        more.add(extra);
        return more;
    }
}
