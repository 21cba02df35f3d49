package io.iotjobbridge.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.amqp.AmqpAddress;
import io.iotjobbridge.amqp.AmqpSender;
import io.iotjobbridge.ledger.EventOutbox;
import io.iotjobbridge.ledger.EventOutbox.PendingEvent;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;

/**
 * Publishes one recorded transition: the job's status file first, then the events address, then, for a final state,
 * every reply-to address the job's requests named. Any failure leaves the event to be published again whole, so a
 * consumer may see an event twice (same {@code eventId}) but never misses one.
 */
public final class StatusEventPublisher implements EventOutbox.Publisher {

    private final JobLedger ledger;
    private final EventOutbox outbox;
    private final StatusFiles statusFiles;
    private final Optional<AmqpSender> sender;
    private final AmqpAddress events;

    /** @param sender empty when AMQP is off: events then go to the status files only */
    public StatusEventPublisher(JobLedger ledger, EventOutbox outbox, StatusFiles statusFiles,
                                Optional<AmqpSender> sender, AmqpAddress events) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.statusFiles = statusFiles;
        this.sender = sender;
        this.events = events;
    }

    @Override
    public void publish(PendingEvent pending) {
        JobRecord job = ledger.find(pending.jobId())
                .orElseThrow(() -> new IllegalStateException("no job " + pending.jobId() + " for its event"));
        StatusEvent event = StatusEvent.of(pending, job, ledger.files(job.id()));
        String json = new String(event.toJson(), StandardCharsets.UTF_8);
        statusFiles.write(job.id(), json);
        if (sender.isEmpty()) {
            return;
        }
        Map<String, String> properties = properties(event);
        sender.get().send(events, json, properties, null);
        if (event.isFinal()) {
            for (EventOutbox.Reply reply : outbox.replies(job.id())) {
                sender.get().send(AmqpAddress.parse(reply.address()), json, properties, reply.correlationId());
            }
        }
    }

    /** Message properties a consumer can select on, all plain values the bridge chose. */
    public static Map<String, String> properties(StatusEvent event) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("state", event.state());
        if (event.jobId() != null) {
            properties.put("jobId", event.jobId());
            properties.put("vendor", event.vendor());
            properties.put("operation", event.operation());
        }
        return properties;
    }
}
