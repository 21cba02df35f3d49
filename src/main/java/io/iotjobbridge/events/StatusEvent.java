package io.iotjobbridge.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.EventOutbox.PendingEvent;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.request.Violation;

/**
 * What the bridge tells the world about a job: one JSON document per state change, on the events address, in
 * {@code .status/<job id>.json} and, for the final state, to each reply-to address. Nothing secret is in it: the
 * reason texts are the ones the ledger keeps, which never hold credentials or signed URLs.
 *
 * @param at       ISO-8601, UTC
 * @param eventId  increases with every event the bridge records; a consumer that sees one twice can drop it
 * @param state    a {@link JobState} name, or {@code REJECTED} for a request that never became a job
 * @param errors   for {@code REJECTED} only: each field and the rule it broke
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEvent(Long eventId, String jobId, String requestId, String vendor, String account,
                          String operation, String vendorJobId, String state, Integer progress, String reason,
                          String at, List<File> files, List<Error> errors) {

    public static final String REJECTED = "REJECTED";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delivered file, where it went and how to check it. */
    public record File(String name, String location, long sizeBytes, String sha256) {

        static List<File> of(List<DeliveredFile> delivered) {
            return delivered.stream().map(f -> new File(f.name(), f.location(), f.sizeBytes(), f.sha256())).toList();
        }
    }

    public record Error(String field, String rule) {
    }

    public static StatusEvent of(PendingEvent event, JobRecord job, List<DeliveredFile> files) {
        return new StatusEvent(event.sequence(), job.id(), job.requestId(), job.vendor().wireName(), job.account(),
                job.operation(), event.vendorJobId(), event.state().name(), event.progress(), event.detail(),
                event.at().toString(), File.of(files), null);
    }

    /** The status of a job as it is now, for an asker who repeats a request whose job has finished already. */
    public static StatusEvent current(JobRecord job, List<DeliveredFile> files) {
        return new StatusEvent(null, job.id(), job.requestId(), job.vendor().wireName(), job.account(),
                job.operation(), job.vendorJobId(), job.state().name(), job.progress(), job.reason(),
                job.updatedAt().toString(), File.of(files), null);
    }

    public static StatusEvent rejected(List<Violation> violations, Instant at) {
        return new StatusEvent(null, null, null, null, null, null, null, REJECTED, null,
                "the request was rejected", at.toString(), null,
                violations.stream().map(v -> new Error(v.field(), v.rule())).toList());
    }

    /**
     * Whether nothing more will happen to the job: the status a reply-to address waits for. Also in the JSON as
     * {@code final}, so a consumer need not know which states end a job.
     */
    @JsonProperty("final")
    public boolean isFinal() {
        return REJECTED.equals(state) || JobState.valueOf(state).isTerminal();
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status event cannot be written as JSON", e);
        }
    }
}
