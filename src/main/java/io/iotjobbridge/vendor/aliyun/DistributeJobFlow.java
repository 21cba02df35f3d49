package io.iotjobbridge.vendor.aliyun;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;

/**
 * Watches a device distribution job that already exists (made in the console or by CreateDeviceDistributeJob):
 * QueryDeviceDistributeJob until {@code Status} is 2 or 3, then the per-device result file that
 * QueryDeviceDistributeDetail links to ({@code File}, valid 10 minutes, so asked for right before each download).
 *
 * <p>Status 2 means only that the job ran to its end, not that every device moved, and 3 means it broke off; in
 * both cases the result file is what says which devices failed, so both deliver it.
 */
public final class DistributeJobFlow implements JobFlow {

    /** "调用云服务的接入地址Endpoint仅支持华东2(上海)". */
    static final String SERVING_REGION = "cn-shanghai";

    private final AliyunClient client;
    private final Function<JobRecord, ObjectNode> requestParams;

    public DistributeJobFlow(AliyunClient client, Function<JobRecord, ObjectNode> requestParams) {
        this.client = client;
        this.requestParams = requestParams;
    }

    /** Makes sure the job exists (an unknown id fails here, with the vendor's code) and watches it by its id. */
    @Override
    public String submit(JobRecord job) throws VendorException {
        String requested = requestParams.apply(job).path("JobId").asText("");
        JsonNode data = query(requested);
        String jobId = data.path("JobId").asText("");
        return jobId.isBlank() ? requested : jobId;
    }

    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        JsonNode status = query(job.vendorJobId()).path("Status");
        // the page's JSON sample quotes its numbers ("Status": "1"), so a numeric string is read as the number
        boolean integer = status.isIntegralNumber() && status.canConvertToInt();
        if (!integer && !(status.isTextual() && status.asText().matches("-?\\d{1,9}"))) {
            throw VendorException.retryable("MalformedResponse",
                    "QueryDeviceDistributeJob returned no integer Data.Status");
        }
        return interpret(status.asInt());
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

    /** The only parameter of both actions; refused before any call outside cn-shanghai, where they do not exist. */
    private Map<String, JsonNode> jobId(String jobId) throws VendorException {
        String region = client.account().regionId();
        if (!SERVING_REGION.equals(region)) {
            throw VendorException.permanent("RegionNotSupported", "account '" + client.account().name()
                    + "' is in region " + region + ", but the device distribution APIs exist only in "
                    + SERVING_REGION + " (iot.cn-shanghai.aliyuncs.com)");
        }
        return Map.of("JobId", TextNode.valueOf(jobId));
    }
}
