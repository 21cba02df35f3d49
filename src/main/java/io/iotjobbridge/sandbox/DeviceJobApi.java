package io.iotjobbridge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The device-job actions: CreateJob, QueryJob, QueryJobStatistics, ListTask, CancelJob and ListJob. Like the
 * download APIs, every answer is derived from the clock at the moment of the call, so statistics and task lists taken
 * at the same instant always agree.
 *
 * <p>Choices where the pages are silent: an unknown or foreign JobId, and CancelJob on a job that is no longer
 * cancellable, answer {@code iot.system.IllegalRequest}; a bad Limit, PageSize, CurrentPage or NextToken answers
 * {@code iot.common.InvalidPageParams}; every other rule {@code iot.common.InvalidFormattedParameter}. ListJob's
 * PageSize has no documented default, so it is required; CurrentPage defaults to 1.
 */
final class DeviceJobApi {

    static final String CREATE_JOB = "CreateJob";
    static final String QUERY_JOB = "QueryJob";
    static final String QUERY_JOB_STATISTICS = "QueryJobStatistics";
    static final String LIST_TASK = "ListTask";
    static final String CANCEL_JOB = "CancelJob";
    static final String LIST_JOB = "ListJob";

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** ListJob's largest page ("最大值为50"). */
    static final int MAX_PAGE_SIZE = 50;

    private final DeviceJobRegistry registry;
    private final PageTokens pageTokens;
    private final Clock clock;

    DeviceJobApi(DeviceJobRegistry registry, PageTokens pageTokens, Clock clock) {
        this.registry = registry;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    Map<String, Function<AuthenticatedCall, IotResult>> operations() {
        return Map.of(
                CREATE_JOB, this::createJob,
                QUERY_JOB, this::queryJob,
                QUERY_JOB_STATISTICS, this::queryJobStatistics,
                LIST_TASK, this::listTask,
                CANCEL_JOB, this::cancelJob,
                LIST_JOB, this::listJob);
    }

    IotResult createJob(AuthenticatedCall call) {
        Instant now = clock.instant();
        DeviceJob job = registry.create(DeviceJobDraftParser.parse(call, now), now);
        // CreateJobResponseBody carries JobId beside the envelope, with no Data
        return IotResult.okWithoutData(Map.of("JobId", job.jobId()));
    }

    IotResult queryJob(AuthenticatedCall call) {
        Instant now = clock.instant();
        return IotResult.ok(describe(jobOf(call), now));
    }

    IotResult queryJobStatistics(AuthenticatedCall call) {
        Instant now = clock.instant();
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        List<TaskState> tasks = jobOf(call).tasksAt(now);
        tasks.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Total", tasks.size());
        data.put("Queued", counts.getOrDefault(TaskStatus.QUEUED, 0));
        data.put("Sent", counts.getOrDefault(TaskStatus.SENT, 0));
        data.put("InProgress", counts.getOrDefault(TaskStatus.IN_PROGRESS, 0));
        data.put("Succeeded", counts.getOrDefault(TaskStatus.SUCCEEDED, 0));
        data.put("Failed", counts.getOrDefault(TaskStatus.FAILED, 0));
        data.put("Rejected", counts.getOrDefault(TaskStatus.REJECTED, 0));
        data.put("TimeOut", counts.getOrDefault(TaskStatus.TIMED_OUT, 0));
        data.put("Cancelled", counts.getOrDefault(TaskStatus.CANCELLED, 0));
        return IotResult.ok(data);
    }

    IotResult listTask(AuthenticatedCall call) {
        Instant now = clock.instant();
        int limit = limit(call.param("Limit"));
        TaskStatus status = statusFilter(call.param("Status"));
        TaskListing listing = TaskListing.of(call, registry, now);
        List<TaskListing.Row> rows = status == null ? listing.rows()
                : listing.rows().stream().filter(r -> r.state().status() == status).toList();
        String scope = String.join("|", LIST_TASK, listing.scope(), String.valueOf(status));
        String token = call.param("NextToken");
        int offset = token == null ? 0 : pageTokens.offsetOf(token, scope, now);
        int end = Math.min(rows.size(), offset + limit);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = Math.min(offset, end); i < end; i++) {
            page.add(describe(rows.get(i)));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (end < rows.size()) {
            // the token sits beside the envelope, and a last page has none
            fields.put("NextToken", pageTokens.issue(scope, end, now));
        }
        return IotResult.ok(fields, Map.of("data", page));
    }

    IotResult cancelJob(AuthenticatedCall call) {
        registry.cancel(call.param("JobId"), call.accessKeyId(), call.instanceKey(), clock.instant());
        return IotResult.okWithoutData(Map.of());
    }

    /**
     * The caller's jobs, newest first, one page of them. {@code PageSize} in the answer is, as the page describes
     * it, the number of jobs on this page; {@code Total} counts every job matching the filter.
     */
    IotResult listJob(AuthenticatedCall call) {
        Instant now = clock.instant();
        int pageSize = pageNumber(call.param("PageSize"), "PageSize", MAX_PAGE_SIZE);
        int page = call.param("CurrentPage") == null ? 1
                : pageNumber(call.param("CurrentPage"), "CurrentPage", Integer.MAX_VALUE);
        String status = jobStatusFilter(call.param("Status"));
        List<DeviceJob> listed = registry.newestFirstOf(call.accessKeyId(), call.instanceKey()).stream()
                .filter(j -> status == null || j.statusAt(now).name().equals(status))
                .toList();
        long offset = (long) (page - 1) * pageSize;
        List<Map<String, Object>> items = new ArrayList<>();
        for (long i = offset; i < Math.min(listed.size(), offset + pageSize); i++) {
            items.add(listItem(listed.get((int) i), now));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Page", page);
        fields.put("PageSize", items.size());
        fields.put("Total", listed.size());
        return IotResult.ok(fields, Map.of("data", items));
    }

    private DeviceJob jobOf(AuthenticatedCall call) {
        return registry.find(call.param("JobId"), call.accessKeyId(), call.instanceKey());
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like an out-of-range number
        }
        throw IotPlatformError.invalidPage("Limit must be 1 to " + MAX_LIMIT + ".");
    }

    /** A required whole number from 1 to {@code max}, or an {@code iot.common.InvalidPageParams} refusal. */
    private static int pageNumber(String value, String name, int max) {
        if (value == null) {
            throw IotPlatformError.invalidPage(name + " is mandatory.");
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, like an out-of-range number
        }
        throw IotPlatformError.invalidPage(max == Integer.MAX_VALUE ? name + " must be 1 or more."
                : name + " must be 1 to " + max + ".");
    }

    private static String jobStatusFilter(String value) {
        if (value == null || DeviceJobStatus.DOCUMENTED.contains(value)) {
            return value;
        }
        throw IotPlatformError.invalidParameter("Status must be one of "
                + String.join(", ", DeviceJobStatus.DOCUMENTED) + ".");
    }

    private static TaskStatus statusFilter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TaskStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw IotPlatformError.invalidParameter("Status must be one of QUEUED, SENT, IN_PROGRESS, SUCCEEDED, "
                    + "FAILED, REJECTED, TIMED_OUT, CANCELLED.");
        }
    }

    private static Map<String, Object> describe(DeviceJob job, Instant now) {
        DeviceJobDraft draft = job.draft();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("JobId", job.jobId());
        data.put("JobName", draft.jobName());
        data.put("Status", job.statusAt(now).name());
        data.put("Type", draft.type().name());
        if (draft.description() != null) {
            data.put("Description", draft.description());
        }
        data.put("JobDocument", draft.jobDocument());
        data.put("UtcCreate", VendorCalendar.utc(job.createdAt()));
        data.put("UtcModified", VendorCalendar.utc(job.modifiedAt(now)));
        if (draft.scheduledTime() != null) {
            data.put("ScheduledTime", draft.scheduledTime().toEpochMilli());
        }
        Map<String, Object> rollout = new LinkedHashMap<>();
        rollout.put("MaximumPerMinute", draft.rollout().maximumPerMinute());
        if (draft.rollout().messageQoS() != null) {
            rollout.put("MessageQoS", draft.rollout().messageQoS());
        }
        data.put("RolloutConfig", rollout);
        if (draft.timeoutMinutes() != null) {
            data.put("TimeoutConfig", Map.of("InProgressTimeoutInMinutes", draft.timeoutMinutes()));
        }
        if (draft.jobFile() != null) {
            // no FileUrl: the sandbox keeps no uploaded files to link to
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("Sign", draft.jobFile().sign());
            file.put("SignMethod", draft.jobFile().signMethod());
            data.put("JobFile", file);
        }
        data.put("TargetConfig", describe(draft.target()));
        return data;
    }

    /** A job as ListJob lists it: the summary fields of QueryJob, without document, target or configs. */
    private static Map<String, Object> listItem(DeviceJob job, Instant now) {
        DeviceJobDraft draft = job.draft();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("JobId", job.jobId());
        item.put("JobName", draft.jobName());
        item.put("Status", job.statusAt(now).name());
        item.put("Type", draft.type().name());
        if (draft.description() != null) {
            item.put("Description", draft.description());
        }
        if (draft.scheduledTime() != null) {
            item.put("ScheduledTime", draft.scheduledTime().toEpochMilli());
        }
        item.put("UtcCreate", VendorCalendar.utc(job.createdAt()));
        item.put("UtcModified", VendorCalendar.utc(job.modifiedAt(now)));
        return item;
    }

    private static Map<String, Object> describe(JobTarget target) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("TargetType", target.type().name());
        switch (target.type()) {
            case PRODUCT_KEY -> config.put("TargetProduct", target.product());
            case GROUP_ID -> config.put("TargetGroup", target.group());
            case DEVICE_LIST -> config.put("TargetDevices", Map.of("targetDevices", target.listed().stream()
                    .map(d -> Map.of("ProductKey", d.productKey(), "DeviceName", d.deviceName()))
                    .toList()));
        }
        return config;
    }

    private static Map<String, Object> describe(TaskListing.Row row) {
        TaskState state = row.state();
        DeviceRef device = state.task().device();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("JobId", row.job().jobId());
        item.put("JobName", row.job().draft().jobName());
        item.put("TaskId", state.task().taskId());
        item.put("ProductKey", device.productKey());
        item.put("DeviceName", device.deviceName());
        item.put("IotId", device.iotId());
        // the SDK models type Progress as text
        item.put("Progress", String.valueOf(state.progress()));
        item.put("UtcQueueTime", VendorCalendar.utc(state.queuedAt()));
        item.put("UtcModified", VendorCalendar.utc(state.modifiedAt()));
        item.put("Status", state.status().name());
        return item;
    }
}
