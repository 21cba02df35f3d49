package io.iotjobbridge.vendor.huawei;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestIds;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.StatusSweep;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.report.TabularReport;

/**
 * Reports Huawei batch tasks: every task ListBatchTasks lists for the request's filters, one row each, plus a summary.
 * It creates nothing at the vendor, so "submitting" only names the listing. With {@code waitUntilFinished} the job
 * runs until every listed task has finished; with {@code exportFinished} each finished task then gets a
 * CreateExportTask request of its own, admitted as a separate job.
 *
 * <p>Files: {@code batchtasks.jsonl}, {@code batchtasks.csv} and {@code summary.json}; the destination's template
 * adds the request id ({@code <requestId>-batchtasks.jsonl} by default).
 */
public final class BatchTaskListFlow implements JobFlow {

    static final List<String> COLUMNS = List.of("task_id", "task_name", "task_type", "status", "status_desc",
            "create_time", "total", "processing", "success", "fail", "waitting", "fail_wait_retry", "stopped");
    private static final List<String> PROGRESS_COLUMNS = COLUMNS.subList(6, COLUMNS.size());

    /** The chained exports' batch task ids, written while the report is, read by {@link #followUps}. */
    private static final String FOLLOW_UPS = "export-task-ids.txt";
    /** A task id CreateExportTask accepts (see {@link HuaweiOperations}); others cannot be exported. */
    private static final Pattern EXPORTABLE = Pattern.compile("[a-f0-9]{1,24}");
    private static final String EXPORT_INFIX = ".export.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final HuaweiClient client;
    private final Spool spool;
    private final StatusSweep<JobStatus> sweep;
    private final BatchTaskPager pager;

    /** @param sweep the latest listings' statuses for the client's account, shared by its batch-task jobs */
    public BatchTaskListFlow(HuaweiClient client, Spool spool, StatusSweep<JobStatus> sweep) {
        this.client = client;
        this.spool = spool;
        this.sweep = sweep;
        this.pager = new BatchTaskPager(client);
    }

    /** No vendor call: the "job" is the listing itself, named after its filters. */
    @Override
    public String submit(JobRecord job) throws VendorException {
        return listingName(JobFlows.params(job));
    }

    /**
     * Without {@code waitUntilFinished} the listing is ready at once (it is made when the files are). With it, every
     * page is listed and the job keeps running while any task has not finished; progress is the tasks' mean
     * completion. Jobs that watch the same filters up to the same {@code maxTasks} read the same pages, so one
     * listing answers for all of them while it is fresh (see {@link StatusSweep}).
     */
    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        ObjectNode options = JobFlows.options(job);
        if (!options.path(HuaweiOperations.WAIT_UNTIL_FINISHED).asBoolean(false)) {
            return new JobStatus.Succeeded("listing ready");
        }
        ObjectNode params = JobFlows.params(job);
        long maxTasks = maxTasks(options);
        String listing = listingName(params) + ":" + maxTasks;
        return sweep.status(listing, listing, recorder -> recorder.record(listing, progress(params, maxTasks)))
                .orElseThrow(() -> new IllegalStateException("a listing sweep records the listing it read"));
    }

    /** Lists every page once and sums up how far the listed tasks are. */
    private JobStatus progress(ObjectNode params, long maxTasks) throws VendorException {
        long[] unfinished = {0};
        long[] completion = {0};
        BatchTaskPager.Outcome outcome = pager.list(params, maxTasks, task -> {
            if (!finished(task)) {
                unfinished[0]++;
            }
            completion[0] += completion(task);
        });
        if (unfinished[0] == 0) {
            return new JobStatus.Succeeded("all " + outcome.listed() + " listed tasks finished");
        }
        return new JobStatus.Running(unfinished[0] + " of " + outcome.listed() + " listed tasks unfinished",
                (int) (completion[0] / outcome.listed()));
    }

    /** {@code list-} and a hash of the filters: the same for every request that lists the same tasks. */
    private static String listingName(ObjectNode params) {
        String canonical;
        try {
            canonical = JSON.writeValueAsString(JSON.treeToValue(params, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request parameters that cannot be written as JSON", e);
        }
        return "list-" + SignatureEncoding.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    @Override
    public List<ResultFile> resultFiles(JobRecord job) throws VendorException {
        ObjectNode params = JobFlows.params(job);
        ObjectNode options = JobFlows.options(job);
        boolean exportFinished = options.path(HuaweiOperations.EXPORT_FINISHED).asBoolean(false);
        Map<String, Long> byStatus = new TreeMap<>();
        long[] notExportable = {0};
        List<ResultFile> files = new ArrayList<>();
        Path followUps = spool.file(job.id(), FOLLOW_UPS + ".part");
        ArrayNode chained = JSON.createArrayNode();
        BatchTaskPager.Outcome outcome;
        try (TabularReport report = TabularReport.start(spool, job.id(), "batchtasks", COLUMNS);
             BufferedWriter exports = Files.newBufferedWriter(followUps, StandardCharsets.UTF_8)) {
            outcome = pager.list(params, maxTasks(options), task -> {
                report.row(row(task));
                byStatus.merge(task.path("status").asText(""), 1L, Long::sum);
                if (exportFinished && finished(task)) {
                    String taskId = task.path("task_id").asText("");
                    if (!EXPORTABLE.matcher(taskId).matches()) {
                        notExportable[0]++;
                        return;
                    }
                    chained.add(followUpId(job.requestId(), taskId));
                    write(exports, taskId);
                }
            });
            files.addAll(report.finish());
        } catch (IOException e) {
            throw VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " writing the report");
        }
        try {
            Files.move(followUps, followUps.resolveSibling(FOLLOW_UPS), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " keeping the export list");
        }

        ObjectNode summary = JSON.createObjectNode();
        summary.put("requestId", job.requestId());
        summary.put("operation", HuaweiOperations.LIST_BATCH_TASKS.name());
        summary.set("filters", params);
        summary.put("maxTasks", maxTasks(options));
        summary.put("rows", outcome.listed());
        summary.put("truncated", outcome.truncated());
        summary.put("listCalls", outcome.calls());
        ObjectNode counts = summary.putObject("countsByStatus");
        byStatus.forEach(counts::put);
        if (exportFinished) {
            summary.set("chainedExports", chained);
            if (notExportable[0] > 0) {
                summary.put("notExportable", notExportable[0]);
            }
        }
        files.add(TabularReport.json(spool, job.id(), "summary.json", summary));
        return files;
    }

    /**
     * One CreateExportTask request per finished listed task, when {@code exportFinished} is set: the ids the report
     * listed (kept in the spool by {@link #resultFiles}, so report and exports agree), or a fresh listing when that
     * file is gone.
     */
    @Override
    public List<JobRequest> followUps(JobRecord job) throws VendorException {
        ObjectNode options = JobFlows.options(job);
        if (!options.path(HuaweiOperations.EXPORT_FINISHED).asBoolean(false)) {
            return List.of();
        }
        ObjectNode params = JobFlows.params(job);
        List<String> taskIds = new ArrayList<>();
        Optional<Path> listed = spool.existing(job.id(), FOLLOW_UPS);
        if (listed.isPresent()) {
            try (Stream<String> lines = Files.lines(listed.get(), StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).forEach(taskIds::add);
            } catch (IOException e) {
                throw VendorException.retryable("SpoolUnreadable", Failures.describe(e) + " reading the export list");
            }
        } else {
            pager.list(params, maxTasks(options), task -> {
                String taskId = task.path("task_id").asText("");
                if (finished(task) && EXPORTABLE.matcher(taskId).matches()) {
                    taskIds.add(taskId);
                }
            });
        }
        ObjectNode exportOptions = JSON.createObjectNode();
        if (options.has(HuaweiOperations.EXTRACT_ENTRIES)) {
            exportOptions.set(HuaweiOperations.EXTRACT_ENTRIES, options.get(HuaweiOperations.EXTRACT_ENTRIES));
        }
        List<JobRequest> requests = new ArrayList<>(taskIds.size());
        for (String taskId : taskIds) {
            ObjectNode export = JSON.createObjectNode().put("resource_type", "BatchTask");
            export.putObject("resource_condition").put("task_id", taskId);
            export.put("export_format", "xls");
            if (params.hasNonNull("app_id")) {
                export.set("app_id", params.get("app_id"));
            }
            requests.add(new JobRequest(followUpId(job.requestId(), taskId), Vendor.HUAWEI, job.account(),
                    HuaweiOperations.CREATE_EXPORT_TASK.name(), export, job.destination(), exportOptions));
        }
        return requests;
    }

    /**
     * {@code <parent>.export.<task id>}: the same for the same parent and task, so admitting it twice starts one job
     * (see {@link RequestIds#derived} for a parent too long to fit).
     */
    static String followUpId(String parentRequestId, String taskId) {
        return RequestIds.derived(parentRequestId, EXPORT_INFIX + taskId);
    }

    static boolean finished(JsonNode task) {
        return HuaweiOperations.FINISHED_BATCH_TASK_STATUSES.contains(task.path("status").asText(""));
    }

    /** 0–100: a finished task is complete; otherwise the share of its devices that are done. */
    static long completion(JsonNode task) {
        if (finished(task)) {
            return 100;
        }
        JsonNode progress = task.path("task_progress");
        long total = progress.path("total").asLong(0);
        if (total <= 0) {
            return 0;
        }
        long done = progress.path("success").asLong(0) + progress.path("fail").asLong(0)
                + progress.path("stopped").asLong(0);
        return Math.max(0, Math.min(100, done * 100 / total));
    }

    private static Map<String, Object> row(JsonNode task) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            JsonNode value = PROGRESS_COLUMNS.contains(column) ? task.path("task_progress").path(column)
                    : task.path(column);
            row.put(column, plain(value));
        }
        return row;
    }

    /** A cell as a plain value: numbers stay numbers, anything structured is kept as its JSON text. */
    private static Object plain(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static long maxTasks(ObjectNode options) {
        return options.path(HuaweiOperations.MAX_TASKS).asLong(HuaweiOperations.DEFAULT_MAX_TASKS);
    }

    private static void write(BufferedWriter out, String line) throws VendorException {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " writing the export list");
        }
    }

    @Override
    public String toString() {
        return "BatchTaskListFlow[" + client + "]";
    }
}
