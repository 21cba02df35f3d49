package io.iotjobbridge.destination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;

/**
 * What a delivered job put at its destination, written next to its files: which request and vendor job it was, the
 * time window it covers, and each file with its size and SHA-256. Built only from what the ledger holds, so a
 * manifest written again after a crash is byte for byte the one written before.
 *
 * @param timeWindow the request's {@code StartTime}/{@code EndTime} (Alibaba data downloads); null when it has none
 * @param deliveredAt when the last file was written; null for a job that delivered no file
 */
@JsonPropertyOrder({"jobId", "requestId", "vendor", "account", "operation", "vendorJobId", "timeWindow",
        "createdAt", "deliveredAt", "files"})
public record Manifest(String jobId, String requestId, String vendor, String account, String operation,
                       String vendorJobId, TimeWindow timeWindow, String createdAt, String deliveredAt,
                       List<File> files) {

    /** The name the destination's template is given for the manifest, in place of a result file's name. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The request's time range, as instants; {@code end} is inclusive, as the vendor takes it. */
    @JsonPropertyOrder({"start", "end"})
    public record TimeWindow(String start, String end) {
    }

    /** One delivered file; {@code location} is {@code <destination>:<path>}. */
    @JsonPropertyOrder({"name", "location", "sizeBytes", "sha256"})
    public record File(String name, String location, long sizeBytes, String sha256) {
    }

    /** The manifest of {@code job}, from the files the ledger recorded for it (in name order). */
    public static Manifest of(JobRecord job, List<DeliveredFile> delivered) {
        List<File> files = delivered.stream().sorted(Comparator.comparing(DeliveredFile::name))
                .map(f -> new File(f.name(), f.location(), f.sizeBytes(), f.sha256())).toList();
        Instant last = delivered.stream().map(DeliveredFile::deliveredAt).max(Comparator.naturalOrder()).orElse(null);
        return new Manifest(job.id(), job.requestId(), job.vendor().wireName(), job.account(), job.operation(),
                job.vendorJobId(), timeWindow(job.requestJson()), instant(job.createdAt()), instant(last), files);
    }

    /** Indented UTF-8 JSON with a final newline. */
    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a manifest could not be written as JSON", e);
        }
    }

    private static TimeWindow timeWindow(String paramsJson) {
        if (paramsJson == null) {
            return null;
        }
        JsonNode params;
        try {
            params = JSON.readTree(paramsJson);
        } catch (IOException e) {
            // the ledger only holds params the validator parsed: unreadable ones cannot name a window
            return null;
        }
        JsonNode start = params.path("StartTime");
        JsonNode end = params.path("EndTime");
        if (!start.isIntegralNumber() || !end.isIntegralNumber()) {
            return null;
        }
        return new TimeWindow(Instant.ofEpochMilli(start.longValue()).toString(),
                Instant.ofEpochMilli(end.longValue()).toString());
    }

    /** Milliseconds are what every ledger database keeps, so the text never depends on which one was read. */
    private static String instant(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
