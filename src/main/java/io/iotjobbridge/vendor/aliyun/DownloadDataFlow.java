package io.iotjobbridge.vendor.aliyun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;

/**
 * Alibaba's data-download job: CreateDownloadDataJob, then GetDownloadFile until {@code Status} is terminal, then
 * the CSV at {@code Data.CsvUrl}. The URL is valid 5 minutes and may be fetched 3 times a day, so it is asked for
 * again right before each download and never stored.
 */
public final class DownloadDataFlow implements JobFlow {

    private final AliyunClient client;
    private final RequestParams requestParams;

    /** Reads the request parameters of a job (the ledger keeps them as the request's JSON). */
    public interface RequestParams {
        ObjectNode of(JobRecord job);
    }

    public DownloadDataFlow(AliyunClient client, RequestParams requestParams) {
        this.client = client;
        this.requestParams = requestParams;
    }

    @Override
    public String submit(JobRecord job) throws VendorException {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        requestParams.of(job).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        JsonNode data = client.call(AliyunOperations.CREATE_DOWNLOAD_DATA_JOB, params).path("Data");
        String longJobId = data.path("LongJobId").asText("");
        if (longJobId.isBlank()) {
            throw VendorException.retryable("MalformedResponse", "CreateDownloadDataJob returned no Data.LongJobId");
        }
        return longJobId;
    }

    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        JsonNode data = getDownloadFile(job);
        JsonNode status = data.path("Status");
        if (!status.isInt()) {
            throw VendorException.retryable("MalformedResponse", "GetDownloadFile returned no integer Data.Status");
        }
        return DownloadJobStatus.interpret(status.intValue());
    }

    @Override
    public List<ResultFile> resultFiles(JobRecord job) throws VendorException {
        JsonNode data = getDownloadFile(job);
        String url = data.path("CsvUrl").asText("");
        if (data.path("Status").asInt(Integer.MIN_VALUE) != DownloadJobStatus.SUCCEEDED || url.isBlank()) {
            throw VendorException.retryable("MalformedResponse", "GetDownloadFile gave no CsvUrl for a finished job");
        }
        String fileName = data.path("CsvFileName").asText("");
        return List.of(client.download(fileName.isBlank() ? job.requestId() + ".csv" : fileName, url, "CsvUrl"));
    }

    private JsonNode getDownloadFile(JobRecord job) throws VendorException {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("LongJobId", com.fasterxml.jackson.databind.node.TextNode.valueOf(job.vendorJobId()));
        JsonNode instance = requestParams.of(job).get("IotInstanceId");
        if (instance != null) {
            params.put("IotInstanceId", instance);
        }
        return client.call(AliyunOperations.GET_DOWNLOAD_FILE, params).path("Data");
    }

    /** Data-download jobs push their status to consumer group {@code dop_aliyun_group_name}. */
    @Override
    public boolean statusIsPushed() {
        return true;
    }
}
