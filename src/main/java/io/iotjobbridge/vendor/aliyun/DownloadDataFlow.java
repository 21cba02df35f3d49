package io.iotjobbridge.vendor.aliyun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.RequestIds;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Quota;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;

/**
 * Alibaba's data-download job: CreateDownloadDataJob, then GetDownloadFile until {@code Status} is terminal, then
 * the CSV at {@code Data.CsvUrl}. The URL is valid 5 minutes and may be fetched 3 times a day, so it is asked for
 * again right before each download and never stored.
 *
 * <p>The vendor allows one running download per instance and a few per account a day, so a submit takes a share of
 * both {@link #quotas}. A lost CreateDownloadDataJob answer cannot be looked up: no API lists download jobs or finds
 * one by its parameters, so {@link #findSubmitted} stays empty and the engine creates the job again. A crash inside
 * that call can thus cost one extra vendor job, and one of the account's daily downloads.
 *
 * <p>A range longer than the vendor's 3 days (up to {@link AliyunOperations#MAX_SPLIT_RANGE}) is not submitted
 * whole: {@link #parts} splits it into consecutive downloads, each a request of its own.
 */
public final class DownloadDataFlow implements JobFlow {

    /**
     * Names the instance of a request without IotInstanceId in quota keys: the account's instance that has no id
     * (an old public instance), which the vendor treats as an instance of its own.
     */
    static final String UNNAMED_INSTANCE = "public-instance";

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

    /**
     * One running download per instance ({@code aliyun:<account>:<instance>:download:running}) and the account's
     * downloads per vendor day ({@code aliyun:<account>:download:daily}, in {@link AliyunOperations#VENDOR_DAY_ZONE}).
     * RAM users share their account's quota, so one bridge account should stand for one Alibaba Cloud account.
     */
    @Override
    public List<Quota> quotas(JobRecord job) {
        AliyunAccount account = client.account();
        JsonNode instance = requestParams.of(job).get("IotInstanceId");
        String instanceName = instance == null || instance.asText().isBlank() ? UNNAMED_INSTANCE : instance.asText();
        String prefix = "aliyun:" + account.name() + ":";
        return List.of(
                new Quota.Unfinished(prefix + instanceName + ":download:running",
                        AliyunOperations.RUNNING_DOWNLOADS_PER_INSTANCE,
                        AliyunOperations.RUNNING_DOWNLOADS_PER_INSTANCE + " running data download per instance"),
                new Quota.PerDay(prefix + "download:daily", account.downloadDailyLimit(),
                        AliyunOperations.VENDOR_DAY_ZONE,
                        account.downloadDailyLimit() + " data downloads per account per day"));
    }

    /**
     * For a range over 3 days, one request per {@link DownloadRange#parts() part}, in order: the same account,
     * operation, destination, options and parameters, but the part's StartTime and EndTime, a
     * {@code FileConfig.fileName} (when given) ending {@code -part<i>of<n>}, and request id
     * {@code <request id>.part-<i>-of-<n>}. Empty for a range the vendor takes whole.
     */
    @Override
    public List<JobRequest> parts(JobRecord job) {
        ObjectNode params = requestParams.of(job);
        List<DownloadRange> ranges = new DownloadRange(params.path("StartTime").asLong(),
                params.path("EndTime").asLong()).parts();
        if (ranges.size() == 1) {
            return List.of();
        }
        int count = ranges.size();
        List<JobRequest> parts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ObjectNode partParams = params.deepCopy();
            partParams.put("StartTime", ranges.get(i - 1).startTime());
            partParams.put("EndTime", ranges.get(i - 1).endTime());
            JsonNode fileName = params.path("FileConfig").path("fileName");
            if (fileName.isTextual()) {
                ((ObjectNode) partParams.get("FileConfig")).put("fileName",
                        partFileName(fileName.textValue(), "-part" + i + "of" + count));
            }
            parts.add(new JobRequest(RequestIds.derived(job.requestId(), ".part-" + i + "-of-" + count),
                    job.vendor(), job.account(), job.operation(), partParams, job.destination(),
                    JobFlows.options(job)));
        }
        return parts;
    }

    /** {@code fileName} with the suffix, cut (by whole characters) to leave room for it within the length limit. */
    static String partFileName(String fileName, String suffix) {
        int room = AliyunOperations.MAX_FILE_NAME - suffix.length();
        if (fileName.codePointCount(0, fileName.length()) <= room) {
            return fileName + suffix;
        }
        return fileName.substring(0, fileName.offsetByCodePoints(0, room)) + suffix;
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
