package io.iotjobbridge.vendor.aliyun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.StatusSweep;
import io.iotjobbridge.vendor.VendorException;

/**
 * Watches a device distribution job that already exists (made in the console or by CreateDeviceDistributeJob):
 * its {@code Status} on ListDeviceDistributeJob (one page for all the account's watches) or, for a job not on that
 * page, QueryDeviceDistributeJob, until it is 2 or 3, then the per-device result file that
 * QueryDeviceDistributeDetail links to ({@code File}, valid 10 minutes, so asked for right before each download).
 *
 * <p>Status 2 means only that the job ran to its end, not that every device moved, and 3 means it broke off; in
 * both cases the result file is what says which devices failed, so both deliver it.
 */
public final class DistributeJobFlow implements JobFlow {

    /** "调用云服务的接入地址Endpoint仅支持华东2(上海)". */
    static final String SERVING_REGION = "cn-shanghai";

    /** The one list every distribution job of an account is on: one sweep of it runs at a time. */
    private static final String LISTING = AliyunOperations.LIST_DEVICE_DISTRIBUTE_JOB.name();

    private final AliyunClient client;
    private final Function<JobRecord, ObjectNode> requestParams;
    private final StatusSweep<JobStatus> sweep;

    /** @param sweep the latest distribution job statuses of the client's account, shared by every watch of it */
    public DistributeJobFlow(AliyunClient client, Function<JobRecord, ObjectNode> requestParams,
                             StatusSweep<JobStatus> sweep) {
        this.client = client;
        this.requestParams = requestParams;
        this.sweep = sweep;
    }

    /** Makes sure the job exists (an unknown id fails here, with the vendor's code) and watches it by its id. */
    @Override
    public String submit(JobRecord job) throws VendorException {
        String requested = requestParams.apply(job).path("JobId").asText("");
        JsonNode data = query(requested);
        String jobId = data.path("JobId").asText("");
        return jobId.isBlank() ? requested : jobId;
    }

    /**
     * The job's status from the account's newest {@value AliyunOperations#MAX_DISTRIBUTE_JOB_PAGE_SIZE} distribution
     * jobs: one ListDeviceDistributeJob page answers for every watched job on it, so the watches checked around the
     * same time share it (see {@link StatusSweep}). A job older than that page is asked for by itself.
     */
    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        requireServingRegion();
        String jobId = job.vendorJobId();
        Optional<JobStatus> listed;
        try {
            listed = sweep.status(jobId, LISTING, this::listNewest);
        } catch (VendorException e) {
            if (e.kind() != VendorException.Kind.PERMANENT) {
                throw e;
            }
            // an account allowed to query a job but not to list them still gets its watch, one call per job
            listed = Optional.empty();
        }
        if (listed.isPresent()) {
            return listed.get();
        }
        Integer status = status(query(jobId).path("Status"));
        if (status == null) {
            throw VendorException.retryable("MalformedResponse",
                    "QueryDeviceDistributeJob returned no integer Data.Status");
        }
        return interpret(status);
    }

    /** One page of the account's newest distribution jobs; each one's status is recorded. */
    private void listNewest(StatusSweep.Recorder<JobStatus> recorder) throws VendorException {
        requireServingRegion();
        JsonNode items = client.call(AliyunOperations.LIST_DEVICE_DISTRIBUTE_JOB, Map.of("PageSize",
                IntNode.valueOf(AliyunOperations.MAX_DISTRIBUTE_JOB_PAGE_SIZE))).path("Data").path("JobInfo")
                .path("items");
        if (!items.isArray()) {
            throw VendorException.retryable("MalformedResponse",
                    "ListDeviceDistributeJob returned no Data.JobInfo.items list");
        }
        for (JsonNode item : items) {
            String jobId = item.path("JobId").asText("");
            Integer status = status(item.path("Status"));
            // a row without a readable status answers for nothing; its job is then queried on its own
            if (!jobId.isBlank() && status != null) {
                recorder.record(jobId, interpret(status));
            }
        }
    }

    /** The page's JSON sample quotes its numbers ("Status": "1"), so a numeric string is read as the number. */
    private static Integer status(JsonNode status) {
        boolean integer = status.isIntegralNumber() && status.canConvertToInt();
        return integer || status.isTextual() && status.asText().matches("-?\\d{1,9}") ? status.asInt() : null;
    }

    @Override
    public List<ResultFile> resultFiles(JobRecord job) throws VendorException {
        JsonNode answer = client.call(AliyunOperations.QUERY_DEVICE_DISTRIBUTE_DETAIL, jobId(job.vendorJobId()));
        // File sits beside the envelope, not in Data
        String url = answer.path("File").asText("");
        if (url.isBlank()) {
            throw VendorException.retryable("MalformedResponse", "QueryDeviceDistributeDetail returned no File");
        }
        // the vendor's object name says nothing a person could use (the sandbox's is result.csv), so the name
        // says what the file is and which job it belongs to; the destination adds the request id
        return List.of(client.download("distribution-" + job.vendorJobId() + ".csv", url, "File"));
    }

    static JobStatus interpret(int status) {
        return switch (status) {
            case 0 -> new JobStatus.Running("0 (initializing)", null);
            case 1 -> new JobStatus.Running("1 (running)", null);
            case 2 -> new JobStatus.Succeeded("2 (finished)");
            // broken off, but the detail file still lists which devices moved and which failed
            case 3 -> new JobStatus.Succeeded("3 (aborted abnormally)");
            // an undocumented value must end the watch rather than poll it for ever
            default -> new JobStatus.Failed(status + " (unknown)",
                    "the vendor reported an undocumented distribution Status " + status);
        };
    }

    private JsonNode query(String jobId) throws VendorException {
        return client.call(AliyunOperations.QUERY_DEVICE_DISTRIBUTE_JOB, jobId(jobId)).path("Data");
    }

    /** The only parameter of both single-job actions. */
    private Map<String, JsonNode> jobId(String jobId) throws VendorException {
        requireServingRegion();
        return Map.of("JobId", TextNode.valueOf(jobId));
    }

    /** The distribution APIs exist only in cn-shanghai: anywhere else, refused before any call. */
    private void requireServingRegion() throws VendorException {
        String region = client.account().regionId();
        if (!SERVING_REGION.equals(region)) {
            throw VendorException.permanent("RegionNotSupported", "account '" + client.account().name()
                    + "' is in region " + region + ", but the device distribution APIs exist only in "
                    + SERVING_REGION + " (iot.cn-shanghai.aliyuncs.com)");
        }
    }
}
