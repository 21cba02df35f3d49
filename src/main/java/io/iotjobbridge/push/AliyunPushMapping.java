package io.iotjobbridge.push;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.aliyun.DownloadJobStatus;

/**
 * Reads the data-download job status Alibaba pushes to consumer group {@code dop_aliyun_group_name}. The vendor does
 * not publish that message's body, so this is an <b>assumption</b> (README, "Push"):
 * {@code {"jobId": "<LongJobId>", "status": <int>}}, {@code status} with the values of GetDownloadFile's
 * {@code Data.Status}. The message id is the {@code messageId} property every server-side subscription message
 * carries. Replace this class if the real body turns out different.
 */
final class AliyunPushMapping implements PushMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PushedStatus read(String account, Map<String, Object> headers, byte[] body) throws UnreadablePush {
        Object messageId = headers.get("messageId");
        if (messageId == null || messageId.toString().isBlank()) {
            throw new UnreadablePush("no messageId property");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnreadablePush("body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new UnreadablePush("body is not a JSON object");
        }
        JsonNode jobId = json.get("jobId");
        JsonNode status = json.get("status");
        if (jobId == null || !jobId.isTextual() || jobId.asText().isBlank()) {
            throw new UnreadablePush("no jobId text");
        }
        if (status == null || !status.canConvertToInt() || !status.isIntegralNumber()) {
            throw new UnreadablePush("no whole-number status");
        }
        return new PushedStatus(Vendor.ALIYUN, account, jobId.asText(), DownloadJobStatus.interpret(status.asInt()),
                messageId.toString());
    }
}
