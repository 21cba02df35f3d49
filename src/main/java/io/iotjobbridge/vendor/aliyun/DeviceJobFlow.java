package io.iotjobbridge.vendor.aliyun;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.SubmitWindow;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.aliyun.DeviceJobStatus.TaskCounts;
import io.iotjobbridge.vendor.report.TabularReport;

/**
 * Alibaba's device job: CreateJob, then QueryJob and QueryJobStatistics until it is over, then a report of every
 * task from ListTask (JSON Lines and CSV, one row per device) and a summary. The report is the result: a device job
 * produces no file of its own, and who succeeded, failed or timed out is what its owner wants to know.
 */
public final class DeviceJobFlow implements JobFlow {

    /** ListTask's largest page. */
    static final int PAGE_SIZE = AliyunOperations.MAX_LIST_TASK_LIMIT;
    static final List<String> TASK_COLUMNS = List.of("TaskId", "ProductKey", "DeviceName", "IotId", "Status",
            "Progress", "UtcQueueTime", "UtcModified");
    /** A product or group job reaches at most 100,000 devices ("最多包含10万个设备"). */
    private static final int MAX_TASKS = 100_000;
    /** ListJob's largest page. */
    static final int JOB_PAGE_SIZE = AliyunOperations.MAX_LIST_JOB_PAGE_SIZE;
    /**
     * How many ListJob pages a lookup reads at most: 1000 jobs created within minutes of the lost CreateJob is far
     * beyond any real account, so running out means the answer cannot be trusted either way.
     */
    static final int MAX_LOOKUP_PAGES = 20;
    /** ListJob fields that, when the request set the parameter of the same name, must agree for a job to be ours. */
    private static final List<String> IDENTIFYING_PARAMS = List.of("JobName", "Type", "Description", "ScheduledTime");

    private final AliyunClient client;
    private final Function<JobRecord, ObjectNode> requestParams;
    private final Spool spool;

    public DeviceJobFlow(AliyunClient client, Function<JobRecord, ObjectNode> requestParams, Spool spool) {
        this.client = client;
        this.requestParams = requestParams;
        this.spool = spool;
    }

    @Override
    public String submit(JobRecord job) throws VendorException {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        requestParams.apply(job).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        String jobId = client.call(AliyunOperations.CREATE_JOB, params).path("JobId").asText("");
        if (jobId.isBlank()) {
            // not retried: the job may well exist, and a second CreateJob would run it on every device again
            throw VendorException.permanent("MalformedResponse", "CreateJob succeeded but returned no JobId");
        }
        return jobId;
    }

    /**
     * The device job a CreateJob whose answer was lost made, found in ListJob (newest first, paged until the jobs
     * are older than {@code sentAfter} less {@link SubmitWindow#CLOCK_SKEW}). CreateJob takes no idempotency token,
     * so a job is recognised by what the request set: its JobName and Type, and its Description and ScheduledTime
     * when given. Two such jobs in the window cannot be told apart, and a wrong guess would run the job twice on every
     * device or not at all, so that fails the job with both ids for a person to decide.
     */
    @Override
    public Optional<String> findSubmitted(JobRecord job, Instant sentAfter) throws VendorException {
        ObjectNode request = requestParams.apply(job);
        SubmitWindow window = SubmitWindow.after(sentAfter);
        // a job created while paging pushes the others one place down, so one may be seen twice
        Set<String> matches = new LinkedHashSet<>();
        for (int page = 1; page <= MAX_LOOKUP_PAGES; page++) {
            Map<String, JsonNode> params = instanceParam(job);
            params.put("PageSize", IntNode.valueOf(JOB_PAGE_SIZE));
            params.put("CurrentPage", IntNode.valueOf(page));
            JsonNode answer = client.call(AliyunOperations.LIST_JOB, params);
            JsonNode listed = listOf(answer.path("Data"));
            boolean pastWindow = false;
            for (JsonNode candidate : listed) {
                if (!window.admits(candidate.path("UtcCreate").asText(""), "ListJob UtcCreate")) {
                    pastWindow = true;
                    break;
                }
                if (madeBy(request, candidate)) {
                    matches.add(candidate.path("JobId").asText(""));
                }
            }
            boolean lastPage = listed.size() < JOB_PAGE_SIZE
                    || (long) page * JOB_PAGE_SIZE >= answer.path("Total").asLong(Long.MAX_VALUE);
            if (pastWindow || lastPage) {
                return adopt(matches, request, window);
            }
        }
        throw VendorException.permanent("SubmitLookupInconclusive", "ListJob lists more than "
                + MAX_LOOKUP_PAGES * JOB_PAGE_SIZE + " device jobs created since " + window.earliest()
                + ", so whether the interrupted CreateJob created one cannot be told; check the vendor console");
    }

    private static Optional<String> adopt(Set<String> matches, ObjectNode request, SubmitWindow window)
            throws VendorException {
        matches.remove("");
        if (matches.size() > 1) {
            throw VendorException.permanent("AmbiguousSubmit", matches.size() + " device jobs named "
                    + Describe.quote(request.path("JobName").asText()) + " were created since " + window.earliest()
                    + " (" + String.join(", ", matches) + "); which one the interrupted CreateJob made cannot be"
                    + " told, so neither is adopted");
        }
        return matches.stream().findFirst();
    }

    /** Whether a ListJob item agrees with every identifying parameter the request set. */
    private static boolean madeBy(ObjectNode request, JsonNode listed) {
        for (String name : IDENTIFYING_PARAMS) {
            JsonNode asked = request.get(name);
            if (asked != null && !asked.isNull() && !asked.asText().equals(listed.path(name).asText(null))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Instant startsAt(JobRecord job) {
        JsonNode scheduled = requestParams.apply(job).get("ScheduledTime");
        Instant submitted = JobFlow.super.startsAt(job);
        Instant start = scheduled != null && scheduled.canConvertToLong()
                ? Instant.ofEpochMilli(scheduled.longValue()) : submitted;
        return start.isAfter(submitted) ? start : submitted;
    }

    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        String status = status(queryJob(job));
        // an end state needs no counts; any other status is judged by them too
        TaskCounts counts = DeviceJobStatus.END_STATES.contains(status) ? TaskCounts.NONE
                : TaskCounts.of(statistics(job));
        return DeviceJobStatus.interpret(status, counts);
    }

    /** CancelJob: the vendor stops sending the job to devices it has not reached (CANCELLING, then CANCELLED). */
    @Override
    public boolean cancelAtVendor(JobRecord job) throws VendorException {
        client.call(AliyunOperations.CANCEL_JOB, jobParams(job));
        return true;
    }

    @Override
    public List<ResultFile> resultFiles(JobRecord job) throws VendorException {
        JsonNode described = queryJob(job);
        JsonNode statistics = statistics(job);
        Map<String, Long> byStatus = new TreeMap<>();
        List<ResultFile> files = new ArrayList<>();
        long rows;
        try (TabularReport report = TabularReport.start(spool, job.id(), "tasks", TASK_COLUMNS)) {
            listTasks(job, TaskCounts.of(statistics).total(), task -> {
                Map<String, Object> row = new LinkedHashMap<>();
                TASK_COLUMNS.forEach(column -> row.put(column, scalar(task.get(column))));
                report.row(row);
                byStatus.merge(String.valueOf(row.get("Status")), 1L, Long::sum);
            });
            rows = report.rows();
            files.addAll(report.finish());
        } catch (IOException e) {
            throw VendorException.retryable("SpoolUnwritable", "could not close the task report", e);
        }
        files.add(TabularReport.json(spool, job.id(), "summary.json",
                summary(job, described, statistics, byStatus, rows)));
        return files;
    }

    /** Pages through ListTask by JobId, 50 at a time, following the top-level NextToken until there is none. */
    private void listTasks(JobRecord job, int expected, TaskSink sink) throws VendorException {
        // a guard against a vendor answer that never ends, with a page of slack
        int maxPages = Math.max(expected, MAX_TASKS) / PAGE_SIZE + 2;
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            Map<String, JsonNode> params = jobParams(job);
            params.put("Limit", IntNode.valueOf(PAGE_SIZE));
            if (token != null) {
                params.put("NextToken", TextNode.valueOf(token));
            }
            JsonNode answer = listPage(params, token != null);
            JsonNode tasks = listOf(answer.path("Data"));
            for (JsonNode task : tasks) {
                sink.accept(task);
            }
            String next = answer.path("NextToken").asText("");
            if (next.isBlank()) {
                return;
            }
            if (next.equals(token)) {
                throw VendorException.retryable("MalformedResponse", "ListTask answered a page with its own"
                        + " NextToken");
            }
            token = next;
        }
        throw VendorException.permanent("MalformedResponse", "ListTask still gave a NextToken after " + maxPages
                + " pages of " + PAGE_SIZE + " tasks");
    }

    private JsonNode listPage(Map<String, JsonNode> params, boolean withToken) throws VendorException {
        try {
            return client.call(AliyunOperations.LIST_TASK, params);
        } catch (VendorException e) {
            // a NextToken lives one minute: if it lapsed (say a long wait for the call budget), the next delivery
            // attempt pages again from the start, so this is worth a retry and not a failed job
            if (withToken && "iot.common.InvalidPageParams".equals(e.code())) {
                throw VendorException.retryable(e.code(), "ListTask refused a NextToken (" + e.vendorMessage()
                        + "); the task report starts over");
            }
            throw e;
        }
    }

    private ObjectNode summary(JobRecord job, JsonNode described, JsonNode statistics, Map<String, Long> byStatus,
                               long rows) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("requestId", job.requestId());
        summary.put("jobId", job.vendorJobId());
        summary.put("jobName", described.path("JobName").asText(null));
        summary.put("type", described.path("Type").asText(null));
        summary.put("vendorStatus", described.path("Status").asText(null));
        summary.set("statistics", statistics.deepCopy());
        ObjectNode counts = summary.putObject("tasksByStatus");
        byStatus.forEach(counts::put);
        summary.put("rows", rows);
        int total = TaskCounts.of(statistics).total();
        if (rows != total) {
            summary.put("note", "ListTask listed " + rows + " task(s) but QueryJobStatistics counts Total " + total
                    + "; the task files hold what ListTask listed");
        }
        return summary;
    }

    private JsonNode queryJob(JobRecord job) throws VendorException {
        return client.call(AliyunOperations.QUERY_JOB, jobParams(job)).path("Data");
    }

    private JsonNode statistics(JobRecord job) throws VendorException {
        JsonNode data = client.call(AliyunOperations.QUERY_JOB_STATISTICS, jobParams(job)).path("Data");
        if (!data.isObject()) {
            throw VendorException.retryable("MalformedResponse", "QueryJobStatistics returned no Data");
        }
        return data;
    }

    private static String status(JsonNode data) throws VendorException {
        String status = data.path("Status").asText("");
        if (status.isBlank()) {
            throw VendorException.retryable("MalformedResponse", "QueryJob returned no Data.Status");
        }
        return status;
    }

    /** The items of a list answer's {@code Data}; the SDK models read them as {@code Data.data} (lower case). */
    private static JsonNode listOf(JsonNode data) {
        return data.has("data") ? data.get("data") : data.path("Data");
    }

    /** JobId, plus the request's IotInstanceId: the job lives in that instance and is found only there. */
    private Map<String, JsonNode> jobParams(JobRecord job) {
        Map<String, JsonNode> params = instanceParam(job);
        params.put("JobId", TextNode.valueOf(job.vendorJobId()));
        return params;
    }

    /** The request's IotInstanceId, if it gave one, as the first parameter of a call about its jobs. */
    private Map<String, JsonNode> instanceParam(JobRecord job) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        JsonNode instance = requestParams.apply(job).get("IotInstanceId");
        if (instance != null) {
            params.put("IotInstanceId", instance);
        }
        return params;
    }

    /** A report cell: text stays text, numbers and booleans stay what they are, anything else is its JSON. */
    private static Object scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isBoolean() ? value.booleanValue() : value.toString();
    }

    /** Takes one ListTask item; may throw, as writing a report row can. */
    @FunctionalInterface
    private interface TaskSink {
        void accept(JsonNode task) throws VendorException;
    }
}
