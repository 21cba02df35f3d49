package io.iotjobbridge.vendor.huawei;

import static io.iotjobbridge.request.spec.Specs.bool;
import static io.iotjobbridge.request.spec.Specs.int64;
import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.required;
import static io.iotjobbridge.request.spec.Specs.string;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.request.OperationSpec;
import io.iotjobbridge.request.VendorTable;
import io.iotjobbridge.request.spec.CrossFieldCheck;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.request.spec.ObjectSpec;
import io.iotjobbridge.request.spec.StringSpec;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.Vendor;

/**
 * The Huawei Cloud IoTDA v5 APIs the bridge calls, written once as data (as the SDK's {@code IoTDAMeta} does): method,
 * path below {@code /v5/iot/{project_id}/}, which parameters go in the query string (the rest form the JSON body),
 * and what every parameter must look like according to the API pages (seeds "CreateExportTask" and
 * "ListBatchTasks", and ShowBatchTask for the task id).
 */
public final class HuaweiOperations {

    /** "取值范围:长度不超过36,只允许字母、数字、下划线(_)、连接符(-)的组合". */
    private static final StringSpec APP_ID = string().length(1, 36)
            .matches("[A-Za-z0-9_-]+", "must use only letters A-Z a-z, digits, '_' and '-'");

    /** A batch task id as ShowBatchTask documents it: at most 24 characters of a-f and 0-9. */
    private static final StringSpec TASK_ID = string().length(1, 24)
            .matches("[a-f0-9]+", "must use only the characters a-f and 0-9 (a lower-case hexadecimal id)");

    /** "长度为24的十六进制字符串": the id of the last record of the previous page. */
    private static final StringSpec MARKER = string().length(24, 24)
            .matches("[0-9a-fA-F]+", "must be hexadecimal (0-9, a-f)");

    /**
     * ListBatchTasks {@code task_type}: the ten types the ListBatchTasks page lists for {@code task_type}, plus
     * {@code updateDevices}, which newer CreateBatchTask/Task models document (so such tasks can exist to be listed).
     */
    public static final List<String> BATCH_TASK_TYPES = List.of("softwareUpgrade", "firmwareUpgrade",
            "createDevices", "deleteDevices", "freezeDevices", "unfreezeDevices", "createCommands",
            "createAsyncCommands", "createMessages", "updateDeviceShadows", "updateDevices");

    /** ListBatchTasks {@code status} filter values ("Waitting" is the vendor's spelling). */
    public static final List<String> BATCH_TASK_STATUSES = List.of("Initializing", "Waitting", "Processing",
            "Success", "Fail", "PartialSuccess", "Stopped");

    /** Batch task states that never change again; everything else (including an unknown value) is still going. */
    public static final Set<String> FINISHED_BATCH_TASK_STATUSES = Set.of("Success", "Fail", "PartialSuccess",
            "Stopped");

    /** "单用户下载导出文件最大速率为为30s一次": one export file download per 30 s per user. */
    public static final Duration EXPORT_DOWNLOAD_INTERVAL = Duration.ofSeconds(30);
    /** "单用户最多支持有50个导出任务,超出后将删除最先创建的导出任务". */
    public static final int EXPORT_TASKS_KEPT = 50;
    /** At most 5 unfinished export tasks per user; IoTDA refuses a sixth. */
    public static final int EXPORT_TASKS_UNFINISHED = 5;
    /** limit 1–50 on every IoTDA list. */
    public static final int MAX_PAGE_SIZE = 50;
    /** offset 0–500; beyond it, page on with {@code marker}. */
    public static final int MAX_OFFSET = 500;

    // bridge options, by the names a request spells them
    public static final String EXTRACT_ENTRIES = "extractEntries";
    public static final String WAIT_UNTIL_FINISHED = "waitUntilFinished";
    public static final String EXPORT_FINISHED = "exportFinished";
    public static final String MAX_TASKS = "maxTasks";
    public static final int DEFAULT_MAX_TASKS = 10_000;

    /** Starts an export of one batch task's details (doc: CreateExportTask); the file is a ZIP of .xls sheets. */
    public static final IotdaApi CREATE_EXPORT_TASK = new IotdaApi("CreateExportTask", "POST", "export-tasks",
            object(
                    required("resource_type", string().oneOf("BatchTask")),
                    required("resource_condition", object(required("task_id", TASK_ID))),
                    optional("export_format", string().oneOf("xls")),
                    optional("app_type", string().oneOf("GLOBAL", "APP")),
                    optional("app_id", APP_ID)),
            Set.of(),
            object(optional(EXTRACT_ENTRIES, bool())));

    /** Lists export tasks newest first (doc: ListExportTasks); called by the bridge, never started by a request. */
    public static final IotdaApi LIST_EXPORT_TASKS = new IotdaApi("ListExportTasks", "GET", "export-tasks",
            object(
                    optional("limit", int64().min(1).max(MAX_PAGE_SIZE)),
                    optional("marker", MARKER),
                    optional("offset", int64().min(0).max(MAX_OFFSET))),
            Set.of("limit", "marker", "offset"),
            object());

    /** Downloads an export task's file (the SDK calls it ShowExportTask; it answers with the ZIP itself). */
    public static final IotdaApi SHOW_EXPORT_TASK = new IotdaApi("ShowExportTask", "GET",
            "export-tasks/{export_task_id}/file", object(), Set.of(), object());

    /** Lists batch tasks of one type (doc: ListBatchTasks); the bridge pages through all of them and reports. */
    public static final IotdaApi LIST_BATCH_TASKS = new IotdaApi("ListBatchTasks", "GET", "batchtasks",
            object(
                    optional("app_id", APP_ID),
                    required("task_type", string().oneOf(BATCH_TASK_TYPES)),
                    optional("status", string().oneOf(BATCH_TASK_STATUSES)),
                    optional("limit", int64().min(1).max(MAX_PAGE_SIZE)),
                    optional("marker", MARKER),
                    optional("offset", int64().min(0).max(MAX_OFFSET))),
            Set.of("app_id", "task_type", "status", "limit", "marker", "offset"),
            object(
                    optional(WAIT_UNTIL_FINISHED, bool()),
                    optional(EXPORT_FINISHED, bool()),
                    optional(EXTRACT_ENTRIES, bool()),
                    optional(MAX_TASKS, int64().min(1).max(100_000)))
                    .withCheck(onlyWith(EXTRACT_ENTRIES, EXPORT_FINISHED)));

    /** Every API the bridge calls, by name. */
    public static final Map<String, IotdaApi> APIS = List.of(CREATE_EXPORT_TASK, LIST_EXPORT_TASKS,
                    SHOW_EXPORT_TASK, LIST_BATCH_TASKS).stream()
            .collect(Collectors.toUnmodifiableMap(IotdaApi::name, Function.identity()));

    /**
     * Calls per second of each API, per account. IoTDA publishes no per-API figure for these application-side APIs,
     * so each gets a conservative {@value #DEFAULT_QPS}/s (well below what the gateway's APIG.0308 throttling is
     * seen to allow); configurable with {@code bridge.vendor-qps.huawei.<Api>}.
     */
    public static final int DEFAULT_QPS = 10;
    public static final Map<String, Integer> QPS = APIS.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), api -> DEFAULT_QPS));

    /** What a request may start on Huawei. */
    public static final VendorTable TABLE = VendorTable.of(Vendor.HUAWEI, CREATE_EXPORT_TASK.operation(),
            LIST_BATCH_TASKS.operation());

    private HuaweiOperations() {
    }

    /** A boolean option that does something only when another boolean option is true. */
    private static CrossFieldCheck onlyWith(String option, String enabler) {
        return CrossFieldCheck.of(List.of(option, enabler), (object, path, validation) -> {
            if (object.path(option).asBoolean(false) && !object.path(enabler).asBoolean(false)) {
                validation.fail(Describe.child(path, option), "takes effect only together with " + enabler
                        + ": true (it is passed on to the exports that option starts)");
            }
        });
    }

    /**
     * One IoTDA v5 API as the SDK declares it.
     *
     * @param path        below {@code /v5/iot/{project_id}/}; {@code {name}} stands for one path segment
     * @param queryParams parameters sent in the query string; all others are members of the JSON body
     * @param options     the bridge options a request starting this API may give
     */
    public record IotdaApi(String name, String method, String path, ObjectSpec params, Set<String> queryParams,
                           ObjectSpec options) {

        public IotdaApi {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(options, "options");
            queryParams = Set.copyOf(queryParams);
            if (!params.fieldNames().containsAll(queryParams)) {
                throw new IllegalArgumentException(name + " places parameters it does not declare: " + queryParams);
            }
        }

        /** True for a parameter sent in the query string; false for a member of the JSON body. */
        public boolean inQuery(String param) {
            return queryParams.contains(param);
        }

        /**
         * The path below the project with every {@code {name}} replaced by its percent-encoded value.
         *
         * @throws IllegalArgumentException when a placeholder has no value
         */
        public String resourcePath(Map<String, String> pathValues) {
            List<String> segments = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    String value = pathValues.get(segment.substring(1, segment.length() - 1));
                    if (value == null || value.isEmpty()) {
                        throw new IllegalArgumentException(name + " needs a value for " + segment);
                    }
                    segments.add(SignatureEncoding.percentEncode(value));
                } else {
                    segments.add(segment);
                }
            }
            return String.join("/", segments);
        }

        /** The query-string parameters among {@code params}, as text (numbers without quotes). */
        public Map<String, String> query(JsonNode params) {
            Map<String, String> query = new LinkedHashMap<>();
            params.fields().forEachRemaining(e -> {
                if (inQuery(e.getKey()) && !e.getValue().isNull()) {
                    query.put(e.getKey(), e.getValue().asText());
                }
            });
            return query;
        }

        /** This API as a request-startable operation for the catalog. */
        public OperationSpec operation() {
            return new OperationSpec(name, params, options);
        }
    }
}
