package io.iotjobbridge.vendor.aliyun;

import static io.iotjobbridge.request.spec.Specs.anyObject;
import static io.iotjobbridge.request.spec.Specs.int64;
import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.required;
import static io.iotjobbridge.request.spec.Specs.string;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.iotjobbridge.request.OperationSpec;
import io.iotjobbridge.request.VendorTable;
import io.iotjobbridge.request.spec.CrossFieldCheck;
import io.iotjobbridge.request.spec.ObjectSpec;
import io.iotjobbridge.request.spec.StringSpec;
import io.iotjobbridge.vendor.Vendor;

/**
 * The Alibaba Cloud IoT Platform (2018-01-20) operations the bridge calls, written once as data: what each
 * parameter must look like (from the API doc pages) and where the official tea SDK puts it on the wire.
 */
public final class AliyunOperations {

    /** "单次下载数据时间范围最多为 3 天": one download covers at most three days. */
    public static final Duration MAX_DOWNLOAD_RANGE = Duration.ofDays(3);

    /**
     * The longest range a CreateDownloadDataJob request may ask for. The bridge meets the vendor's 3-day limit by
     * splitting a longer range into consecutive downloads ({@link DownloadRange}); a month bounds how many (11) and so
     * how many of the account's 3 downloads a day one request can take.
     */
    public static final Duration MAX_SPLIT_RANGE = Duration.ofDays(31);

    /** The longest {@code FileConfig.fileName}; it names a file the bridge writes. */
    public static final int MAX_FILE_NAME = 128;

    /** One running data download per data instance; the vendor refuses another until it finishes. */
    public static final int RUNNING_DOWNLOADS_PER_INSTANCE = 1;

    /** Data downloads one account may start per vendor day (RAM users share the account's quota). */
    public static final int DOWNLOADS_PER_DAY = 3;

    /**
     * The zone of the vendor's calendar day, by which the data-download quotas (jobs per day, fetches of a file per
     * day) count: the platform runs on China time, so a day starts at 00:00 Asia/Shanghai. The sandbox counts by
     * this same constant, so its days and the bridge's never disagree.
     */
    public static final ZoneId VENDOR_DAY_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The instance id. The doc's example {@code iot-cn-npk1u******} is masked with '*', so the character set is
     * kept lenient (printable ASCII, no spaces) rather than guessed from the unmasked ids we happen to know.
     */
    private static final StringSpec IOT_INSTANCE_ID = string().length(1, 64)
            .matches("[\\x21-\\x7E]+", "must be printable ASCII without spaces");

    private static final Pattern PERCENT_ENCODED_PATH_CHARACTER = Pattern.compile("%(2e|2f|5c)",
            Pattern.CASE_INSENSITIVE);

    /** fileName becomes the name of a file the bridge writes, so nothing that can leave or hide in a folder. */
    private static final StringSpec FILE_NAME = string().length(1, MAX_FILE_NAME)
            .satisfies(s -> s.indexOf('/') < 0 && s.indexOf('\\') < 0, "must not contain '/' or '\\'")
            .noControlCharacters()
            .satisfies(s -> !s.startsWith("."), "must not start with '.'")
            // a destination that is a URI (sftp:, a web upload) may decode the name once more
            .satisfies(s -> !PERCENT_ENCODED_PATH_CHARACTER.matcher(s).find(),
                    "must not contain a percent-encoded '.', '/' or '\\' (%2e, %2f, %5c)");

    /** ListTask's largest page ("最大值为50"). */
    public static final int MAX_LIST_TASK_LIMIT = 50;

    /** ListJob's largest page ("最大值为50"). */
    public static final int MAX_LIST_JOB_PAGE_SIZE = 50;

    /** A device job's {@code Status}, every value ListJob's page lists. */
    public static final List<String> JOB_STATUSES = List.of("INITIALIZING", "WAITING", "IN_PROGRESS", "COMPLETED",
            "CANCELLING", "CANCELLED", "REMOVING", "TIMED_OUT");

    /** A device task's {@code Status}, as ListTask and QueryTask spell it. */
    public static final List<String> TASK_STATUSES = List.of("QUEUED", "SENT", "IN_PROGRESS", "SUCCEEDED", "FAILED",
            "REJECTED", "TIMED_OUT", "CANCELLED");

    /**
     * A distribution job id, e.g. {@code UbmsMHmkqv0PiAG****010001}. The page gives no format, and its examples
     * are masked, so any printable ASCII without spaces passes, up to a length well above the 26 seen.
     */
    private static final StringSpec DISTRIBUTE_JOB_ID = string().length(1, 64)
            .matches("[\\x21-\\x7E]+", "must be printable ASCII without spaces");

    /** Starts a data-table download (doc: CreateDownloadDataJob). */
    public static final AliyunAction CREATE_DOWNLOAD_DATA_JOB = new AliyunAction("CreateDownloadDataJob",
            object(
                    optional("IotInstanceId", IOT_INSTANCE_ID),
                    required("TableName", string().nonBlank().maxLength(128)),
                    required("DownloadDataType", string().oneOf("TABLE")),
                    required("StartTime", int64().min(0).jsSafe()),
                    required("EndTime", int64().min(0).jsSafe()),
                    optional("FileConfig", object(optional("fileName", FILE_NAME))),
                    // Not on the doc page, but in the SDK's request model; passed through as given.
                    optional("Context", anyObject()))
                    .withCheck(CrossFieldCheck.after("EndTime", "StartTime"))
                    .withCheck(CrossFieldCheck.atMostAfter("EndTime", "StartTime", MAX_SPLIT_RANGE)),
            Set.of("Context", "IotInstanceId"),
            Set.of("Context", "FileConfig"));

    /** Fetches a finished download's file URL; called by the bridge itself, never started by a request. */
    public static final AliyunAction GET_DOWNLOAD_FILE = new AliyunAction("GetDownloadFile",
            object(
                    required("LongJobId", string().nonBlank()),
                    optional("IotInstanceId", IOT_INSTANCE_ID),
                    optional("Context", anyObject())),
            Set.of("Context", "IotInstanceId"),
            Set.of("Context"));

    /** Starts a device job (doc: CreateJob); every rule of the page's parameter tables. */
    public static final AliyunAction CREATE_JOB = new AliyunAction("CreateJob",
            DeviceJobRules.createJobParams(IOT_INSTANCE_ID),
            Set.of(),
            // the SDK takes JobDocument as text already; the bridge takes it as an object and sends its JSON text
            Set.of("JobDocument", "JobFile", "RolloutConfig", "TargetConfig", "TimeoutConfig"));

    /** A device job's name, type and {@code Status}; called by the bridge while it watches a CreateJob job. */
    public static final AliyunAction QUERY_JOB = new AliyunAction("QueryJob", jobIdParams(), Set.of(), Set.of());

    /**
     * A device job's task counts by state. The tea SDK sends this one action as a GET with every parameter in the
     * query string (the others are POSTs).
     */
    public static final AliyunAction QUERY_JOB_STATISTICS = new AliyunAction("QueryJobStatistics", "GET",
            jobIdParams(), Set.of(), Set.of());

    /** One page of a device job's tasks (or one device's); {@code NextToken} is valid for one minute. */
    public static final AliyunAction LIST_TASK = new AliyunAction("ListTask",
            object(
                    optional("IotInstanceId", IOT_INSTANCE_ID),
                    optional("JobId", string().nonBlank()),
                    optional("Device", object(
                            optional("IotId", string().nonBlank()),
                            optional("ProductKey", string().nonBlank()),
                            optional("DeviceName", string().nonBlank()))),
                    optional("Limit", int64().min(1).max(MAX_LIST_TASK_LIMIT)),
                    optional("NextToken", string().nonBlank()),
                    optional("Status", string().oneOf(TASK_STATUSES)))
                    .withCheck(CrossFieldCheck.atLeastOneOf("JobId", "Device")),
            Set.of(), Set.of("Device"));

    /**
     * One page of the account's device jobs, newest first ({@code Data.data[]} with {@code Page}, {@code PageSize}
     * and {@code Total} beside the envelope). The bridge calls it to find the job a CreateJob it lost the answer to
     * may have created.
     */
    public static final AliyunAction LIST_JOB = new AliyunAction("ListJob",
            object(
                    optional("IotInstanceId", IOT_INSTANCE_ID),
                    required("PageSize", int64().min(1).max(MAX_LIST_JOB_PAGE_SIZE)),
                    optional("CurrentPage", int64().min(1)),
                    optional("Status", string().oneOf(JOB_STATUSES))),
            Set.of(), Set.of());

    /** Cancels a device job; the job goes through {@code CANCELLING} to {@code CANCELLED}. */
    public static final AliyunAction CANCEL_JOB = new AliyunAction("CancelJob", jobIdParams(), Set.of(), Set.of());

    /**
     * Watches an existing device distribution job (doc: QueryDeviceDistributeJob). Served only by the cn-shanghai
     * endpoint; the action has no IotInstanceId.
     */
    public static final AliyunAction QUERY_DEVICE_DISTRIBUTE_JOB = new AliyunAction("QueryDeviceDistributeJob",
            object(required("JobId", DISTRIBUTE_JOB_ID)), Set.of(), Set.of());

    /** The link ({@code File}, valid 10 minutes) to a finished distribution job's per-device result. */
    public static final AliyunAction QUERY_DEVICE_DISTRIBUTE_DETAIL = new AliyunAction("QueryDeviceDistributeDetail",
            object(required("JobId", DISTRIBUTE_JOB_ID)), Set.of(), Set.of());

    /** ListDeviceDistributeJob's largest page ("PageSize ... 最大值为200"). */
    public static final int MAX_DISTRIBUTE_JOB_PAGE_SIZE = 200;

    /**
     * One page of the account's distribution jobs, newest first, each with its {@code Status}: one call answers for
     * every watched job on it. Only cn-shanghai serves it. The SDK sends JobId in the form body, the rest in the
     * query string.
     */
    public static final AliyunAction LIST_DEVICE_DISTRIBUTE_JOB = new AliyunAction("ListDeviceDistributeJob",
            object(
                    required("PageSize", int64().min(1).max(MAX_DISTRIBUTE_JOB_PAGE_SIZE)),
                    optional("CurrentPage", int64().min(1)),
                    optional("NextToken", string().nonBlank()),
                    optional("Status", int64().min(0).max(3)),
                    optional("JobId", DISTRIBUTE_JOB_ID),
                    optional("TargetUid", string().nonBlank()),
                    optional("ProductKey", string().nonBlank())),
            Set.of("JobId"), Set.of());

    /** Every action the bridge knows, by name. */
    public static final Map<String, AliyunAction> ACTIONS = List.of(CREATE_DOWNLOAD_DATA_JOB, GET_DOWNLOAD_FILE,
                    CREATE_JOB, QUERY_JOB, QUERY_JOB_STATISTICS, LIST_TASK, LIST_JOB, CANCEL_JOB,
                    QUERY_DEVICE_DISTRIBUTE_JOB, QUERY_DEVICE_DISTRIBUTE_DETAIL, LIST_DEVICE_DISTRIBUTE_JOB)
            .stream().collect(Collectors.toUnmodifiableMap(AliyunAction::name, Function.identity()));

    /**
     * Documented calls per second of each action (per account); an action not listed gets {@link #DEFAULT_QPS}.
     * Configurable per action with {@code bridge.vendor-qps.aliyun.<Action>}. QueryJob's page names no limit; 10
     * is assumed, like the other query APIs (and as the sandbox enforces).
     */
    public static final Map<String, Integer> QPS = Map.of(
            "CreateJob", 5,
            "QueryJob", 10,
            "QueryJobStatistics", 5,
            "ListTask", 5,
            "ListJob", 5,
            "CancelJob", 5,
            "CreateDeviceDistributeJob", 5,
            "QueryDeviceDistributeJob", 10,
            "QueryDeviceDistributeDetail", 5,
            "ListDeviceDistributeJob", 5);

    /** For actions whose page names no limit: the gateway's usual default for IoT Platform APIs. */
    public static final int DEFAULT_QPS = 10;

    /** What a request may start on Alibaba. */
    public static final VendorTable TABLE = VendorTable.of(Vendor.ALIYUN, CREATE_DOWNLOAD_DATA_JOB.operation(),
            CREATE_JOB.operation(), QUERY_DEVICE_DISTRIBUTE_JOB.operation());

    private AliyunOperations() {
    }

    public static Optional<AliyunAction> action(String name) {
        return Optional.ofNullable(ACTIONS.get(name));
    }

    /** JobId and the optional IotInstanceId: the parameters of the device-job actions that name one job. */
    private static ObjectSpec jobIdParams() {
        return object(required("JobId", string().nonBlank()), optional("IotInstanceId", IOT_INSTANCE_ID));
    }

    /**
     * One RPC action and its wire layout as the tea SDK (com.aliyun:iot20180120 3.0.12) sends it: {@code method}
     * (POST for almost every action) with most parameters in the query string and {@code bodyParams} in an
     * {@code application/x-www-form-urlencoded} body; {@code jsonParams} are objects sent as their JSON text.
     */
    public record AliyunAction(String name, String method, ObjectSpec params, Set<String> bodyParams,
                               Set<String> jsonParams) {

        public AliyunAction {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(params, "params");
            if (!"POST".equals(method) && !"GET".equals(method)) {
                throw new IllegalArgumentException(name + " has method " + method + "; only GET and POST are RPC");
            }
            bodyParams = Set.copyOf(bodyParams);
            jsonParams = Set.copyOf(jsonParams);
            if ("GET".equals(method) && !bodyParams.isEmpty()) {
                throw new IllegalArgumentException(name + " is a GET and so cannot have body parameters");
            }
            Set<String> placed = new HashSet<>(bodyParams);
            placed.addAll(jsonParams);
            if (!params.fieldNames().containsAll(placed)) {
                throw new IllegalArgumentException(name + " places parameters it does not declare: " + placed);
            }
        }

        /** A POST, as the SDK sends almost every action. */
        public AliyunAction(String name, ObjectSpec params, Set<String> bodyParams, Set<String> jsonParams) {
            this(name, "POST", params, bodyParams, jsonParams);
        }

        /** True for a parameter that goes in the form body; everything else goes in the query string. */
        public boolean inBody(String param) {
            return bodyParams.contains(param);
        }

        /** True for an object parameter that is sent as its JSON text. */
        public boolean asJson(String param) {
            return jsonParams.contains(param);
        }

        /** This action as a request-startable operation for the catalog. */
        public OperationSpec operation() {
            return new OperationSpec(name, params);
        }
    }
}
