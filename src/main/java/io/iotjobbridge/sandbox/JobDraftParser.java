package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Validates CreateDownloadDataJob parameters the way the vendor does: a broken request is one generic error. */
final class JobDraftParser {

    /** The documented maximum span of one download. */
    static final Duration MAX_RANGE = Duration.ofDays(3);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobDraftParser() {
    }

    static JobDraft parse(AuthenticatedCall call) {
        String tableName = call.param("TableName");
        if (tableName == null || tableName.isBlank()) {
            throw paramError("TableName missing");
        }
        if (!"TABLE".equals(call.param("DownloadDataType"))) {
            throw paramError("DownloadDataType is not TABLE");
        }
        long start = millis(call.param("StartTime"));
        long end = millis(call.param("EndTime"));
        if (end <= start) {
            throw paramError("EndTime not after StartTime");
        }
        if (end - start > MAX_RANGE.toMillis()) {
            throw new IotRejection(IotError.QUERY_TIME_MORE_THAN_QUERY_DAYS, "range over three days");
        }
        return new JobDraft(call.accessKeyId(), call.instanceKey(), tableName, start, end,
                fileName(call.param("FileConfig")));
    }

    private static long millis(String value) {
        if (value == null) {
            throw paramError("time missing");
        }
        try {
            long ms = Long.parseLong(value.trim());
            if (ms < 0) {
                throw paramError("negative time");
            }
            return ms;
        } catch (NumberFormatException e) {
            throw paramError("time not a number");
        }
    }

    /** FileConfig is a JSON object; its optional fileName names the CSV, otherwise the vendor makes a name up. */
    private static String fileName(String fileConfig) {
        if (fileConfig == null) {
            return null;
        }
        JsonNode config;
        try {
            config = MAPPER.readTree(fileConfig);
        } catch (JsonProcessingException e) {
            throw paramError("FileConfig is not JSON");
        }
        if (config == null || !config.isObject()) {
            throw paramError("FileConfig is not an object");
        }
        JsonNode name = config.get("fileName");
        if (name == null || name.isNull() || name.asText().isBlank()) {
            return null;
        }
        String text = name.asText().trim();
        // the name becomes one path segment of the download URL; refuse anything that could escape it
        if (text.contains("/") || text.contains("\\") || text.chars().anyMatch(Character::isISOControl)) {
            throw paramError("fileName not a plain name");
        }
        return text;
    }

    private static IotRejection paramError(String reason) {
        return new IotRejection(IotError.REQUEST_PARAM_ERROR, reason);
    }
}
