package io.iotjobbridge.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The device distribution actions: CreateDeviceDistributeJob, QueryDeviceDistributeJob, QueryDeviceDistributeDetail
 * and ListDeviceDistributeJob. The vendor serves them from cn-shanghai only; in any other region the gateway
 * refuses them as APIs it does not know ({@link GatewayError#apiNotInRegion()}).
 *
 * <p>Choices where the pages are silent: an unknown JobId, and a detail asked for before the job is over, answer
 * {@code iot.system.IllegalRequest}; SourceInstanceName and TargetInstanceName repeat the instance ids, and every
 * instance is reported in cn-shanghai.
 */
final class DeviceDistributeApi {

    static final String CREATE_DEVICE_DISTRIBUTE_JOB = "CreateDeviceDistributeJob";
    static final String QUERY_DEVICE_DISTRIBUTE_JOB = "QueryDeviceDistributeJob";
    static final String QUERY_DEVICE_DISTRIBUTE_DETAIL = "QueryDeviceDistributeDetail";
    static final String LIST_DEVICE_DISTRIBUTE_JOB = "ListDeviceDistributeJob";

    /** The only region whose endpoint serves these APIs. */
    static final String SERVING_REGION = "cn-shanghai";
    static final int MAX_PAGE_SIZE = 200;
    /** Beyond this many items, ListDeviceDistributeJob pages only by NextToken. */
    static final int MAX_PAGE_OFFSET = 10_000;

    private final DistributeJobRegistry registry;
    private final DownloadUrlSigner urlSigner;
    private final PageTokens pageTokens;
    private final URI baseUrl;
    private final Duration urlValidity;
    private final Clock clock;

    DeviceDistributeApi(DistributeJobRegistry registry, DownloadUrlSigner urlSigner, PageTokens pageTokens,
                        URI baseUrl, Duration urlValidity, Clock clock) {
        this.registry = registry;
        this.urlSigner = urlSigner;
        this.pageTokens = pageTokens;
        this.baseUrl = baseUrl;
        this.urlValidity = urlValidity;
        this.clock = clock;
    }

    /** The actions the gateway must refuse in the given region: all of these, unless it is cn-shanghai. */
    static Set<String> actionsMissingIn(String regionId) {
        return SERVING_REGION.equals(regionId) ? Set.of() : Set.of(CREATE_DEVICE_DISTRIBUTE_JOB,
                QUERY_DEVICE_DISTRIBUTE_JOB, QUERY_DEVICE_DISTRIBUTE_DETAIL, LIST_DEVICE_DISTRIBUTE_JOB);
    }

    Map<String, Function<AuthenticatedCall, IotResult>> operations() {
        return Map.of(
                CREATE_DEVICE_DISTRIBUTE_JOB, this::createDeviceDistributeJob,
                QUERY_DEVICE_DISTRIBUTE_JOB, this::queryDeviceDistributeJob,
                QUERY_DEVICE_DISTRIBUTE_DETAIL, this::queryDeviceDistributeDetail,
                LIST_DEVICE_DISTRIBUTE_JOB, this::listDeviceDistributeJob);
    }

    IotResult createDeviceDistributeJob(AuthenticatedCall call) {
        DistributeJob job = registry.create(DistributeRequest.parse(call), clock.instant());
        return IotResult.okWithoutData(Map.of("JobId", job.jobId()));
    }

    IotResult queryDeviceDistributeJob(AuthenticatedCall call) {
        DistributeJob job = registry.find(call.param("JobId"), call.accessKeyId());
        Map<String, Object> data = describe(job, clock.instant());
        data.put("TargetInstanceConfigs", Map.of("targetInstanceConfigs", job.request().targetInstanceIds().stream()
                .map(id -> Map.of("TargetInstanceId", id))
                .toList()));
        return IotResult.ok(data);
    }

    IotResult queryDeviceDistributeDetail(AuthenticatedCall call) {
        DistributeJob job = registry.find(call.param("JobId"), call.accessKeyId());
        Instant now = clock.instant();
        DistributeStatus status = job.statusAt(now);
        if (!status.isOver()) {
            throw IotPlatformError.illegalRequest("The distribution job is still " + status
                    + "; its result is ready once the job is finished or aborted.");
        }
        long expires = now.plus(urlValidity).getEpochSecond();
        URI file = urlSigner.sign(baseUrl, DistributeResultHandler.objectPath(job), expires);
        // File sits beside the envelope, with no Data
        return IotResult.okWithoutData(Map.of("File", file.toString()));
    }

    IotResult listDeviceDistributeJob(AuthenticatedCall call) {
        Instant now = clock.instant();
        int pageSize = number(call.param("PageSize"), 0);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw IotPlatformError.invalidPage("PageSize must be 1 to " + MAX_PAGE_SIZE + ".");
        }
        Integer status = call.param("Status") == null ? null : number(call.param("Status"), -1);
        String jobId = call.param("JobId");
        String targetUid = call.param("TargetUid");
        String productKey = call.param("ProductKey");
        List<DistributeJob> jobs = registry.visibleTo(call.accessKeyId()).stream()
                .filter(j -> status == null || j.statusAt(now).wireValue() == status)
                .filter(j -> jobId == null || j.jobId().equals(jobId))
                .filter(j -> targetUid == null || j.request().targetUid().equals(targetUid))
                .filter(j -> productKey == null || j.request().productKey().equals(productKey))
                .toList();
        String scope = String.join("|", LIST_DEVICE_DISTRIBUTE_JOB, call.accessKeyId(), String.valueOf(status),
                String.valueOf(jobId), String.valueOf(targetUid), String.valueOf(productKey));
        int offset = offset(call, pageSize, scope, now);
        int end = Math.min(jobs.size(), offset + pageSize);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = Math.min(offset, end); i < end; i++) {
            items.add(listItem(jobs.get(i), now));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Total", jobs.size());
        if (end < jobs.size()) {
            data.put("NextToken", pageTokens.issue(scope, end, now));
        }
        data.put("JobInfo", Map.of("items", items));
        return IotResult.ok(data);
    }

    /** NextToken wins over CurrentPage; a page beyond the first 10,000 items is reachable only by NextToken. */
    private int offset(AuthenticatedCall call, int pageSize, String scope, Instant now) {
        String token = call.param("NextToken");
        if (token != null) {
            return pageTokens.offsetOf(token, scope, now);
        }
        int page = number(call.param("CurrentPage"), 1);
        if (page < 1) {
            throw IotPlatformError.invalidPage("CurrentPage must be 1 or more.");
        }
        long offset = (long) (page - 1) * pageSize;
        if (offset > MAX_PAGE_OFFSET) {
            throw IotPlatformError.invalidPage("Pages beyond the first " + MAX_PAGE_OFFSET
                    + " jobs can only be reached with NextToken.");
        }
        return (int) offset;
    }

    private Map<String, Object> describe(DistributeJob job, Instant now) {
        DistributeRequest request = job.request();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("JobId", job.jobId());
        data.put("GmtCreate", job.createdAt().toEpochMilli());
        data.put("ProductKey", request.productKey());
        data.put("SourceInstanceId", request.sourceInstanceId());
        data.put("SourceUid", request.sourceUid());
        data.put("TargetUid", request.targetUid());
        data.put("Status", job.statusAt(now).wireValue());
        data.put("Strategy", request.strategy());
        data.put("Total", request.deviceNames().size());
        return data;
    }

    private Map<String, Object> listItem(DistributeJob job, Instant now) {
        Map<String, Object> item = describe(job, now);
        item.put("SourceInstanceName", job.request().sourceInstanceId());
        item.put("SourceRegion", SERVING_REGION);
        item.put("TargetInstanceConfigs", Map.of("targetInstanceConfigs", job.request().targetInstanceIds().stream()
                .map(id -> Map.of("TargetInstanceId", id, "TargetInstanceName", id, "TargetRegion", SERVING_REGION))
                .toList()));
        return item;
    }

    private static int number(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw IotPlatformError.invalidParameter("Expected a whole number: " + value);
        }
    }
}
