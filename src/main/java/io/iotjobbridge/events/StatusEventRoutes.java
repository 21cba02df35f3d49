package io.iotjobbridge.events;

import io.iotjobbridge.ledger.EventOutbox;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Publishes status events from the ledger's outbox on a short timer, a batch at a time until none wait. A failed
 * round (broker down) is logged and tried again on the next tick; the events wait in the ledger meanwhile.
 */
public final class StatusEventRoutes extends RouteBuilder {

    private static final int BATCH = 200;

    private final EventOutbox outbox;
    private final StatusEventPublisher publisher;

    public StatusEventRoutes(EventOutbox outbox, StatusEventPublisher publisher) {
        this.outbox = outbox;
        this.publisher = publisher;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).logExhausted(false)
                .log(LoggingLevel.WARN, "status events wait in the ledger until the next round: ${exception.message}");

        from("timer:status-events?period={{bridge.events.poll-ms:250}}").routeId("status-events")
                .process(e -> {
                    while (outbox.publishPending(BATCH, publisher) == BATCH) {
                        // a full batch means more may wait
                    }
                });
    }
}
