package io.iotjobbridge.amqp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.iotjobbridge.events.StatusEvent;
import io.iotjobbridge.events.StatusEventPublisher;
import io.iotjobbridge.job.IntakeResult;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.job.JobLifecycleRoutes;
import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.ledger.EventOutbox;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.LedgerException;
import io.iotjobbridge.request.RequestLayout;
import io.iotjobbridge.request.Violation;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java core of the AMQP request trigger. It runs inside the consumer's JMS transaction, so everything it sends
 * (a dead letter, a reply) is committed together with the acknowledgement of the request, and a crash before the
 * commit brings the message back. (On a broker without AMQP transactions the consumer acknowledges as a client once
 * this returns: a crash between a dead letter and the acknowledgement may then dead-letter the message twice.) A request is acknowledged only once its job is in the ledger; a message that can
 * never become a job (wrong kind, too large, invalid) goes to the dead-letter address with the reason; a failure of
 * the bridge itself (the ledger unreachable) rolls back, and the broker delivers the message again later.
 *
 * <p>Nothing the sender put in headers or properties reaches a route: they are dropped unread (the header-injection
 * advisories of Camel 4.x); the message's own JMS fields (id, reply-to, correlation id) are read from the message.
 */
public final class RequestMessages implements Processor {

    /** Message property of a dead letter: why the bridge refused the request, as JSON. */
    public static final String REASON_PROPERTY = "bridgeRejection";

    private static final Logger LOG = LoggerFactory.getLogger(RequestMessages.class);

    private final JobIntake intake;
    private final JobLedger ledger;
    private final EventOutbox outbox;
    private final AmqpSettings settings;
    private final Clock clock;

    public RequestMessages(JobIntake intake, JobLedger ledger, EventOutbox outbox, AmqpSettings settings, Clock clock) {
        this.intake = intake;
        this.ledger = ledger;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        org.apache.camel.Message in = exchange.getMessage();
        in.getHeaders().clear();
        if (!(in instanceof JmsMessage camelJms) || !(in.getBody() instanceof Message message)
                || camelJms.getJmsSession() == null) {
            throw new IllegalStateException("the AMQP trigger must consume with mapJmsMessage=false");
        }
        Session session = camelJms.getJmsSession();
        String source = "AMQP message " + AmqpPayload.loggable(message.getJMSMessageID());
        exchange.setProperty(JobLifecycleRoutes.REQUEST_SOURCE, source);
        Optional<AmqpAddress> replyTo = AmqpAddress.replyTo(message);
        String correlationId = message.getJMSCorrelationID() != null ? message.getJMSCorrelationID()
                : message.getJMSMessageID();

        Optional<byte[]> body = AmqpPayload.read(message, settings.maxMessageBytes());
        if (body.isEmpty()) {
            refuse(session, message, source, replyTo, correlationId, List.of(new Violation("request",
                    "must be a text or bytes message of at most " + settings.maxMessageBytes()
                            + " bytes (bridge.amqp.max-message-bytes); was a " + AmqpPayload.kindOf(message))));
            return;
        }
        IntakeResult result;
        try {
            result = intake.accept(body.get(), RequestLayout.DOCUMENT, source);
        } catch (LedgerException e) {
            throw e;
        } catch (RuntimeException e) {
            // not the ledger: something in this message trips the bridge, and would each time it came back
            LOG.error("{} could not be processed; it goes to the dead-letter address", source, e);
            refuse(session, message, source, replyTo, correlationId, List.of(new Violation("request",
                    "could not be processed: " + e.getClass().getSimpleName())));
            return;
        }
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            refuse(session, message, source, replyTo, correlationId, result.violations());
            return;
        }
        if (replyTo.isPresent()) {
            // a batch message is answered job by job, each reply with the message's correlation id
            for (JobRecord job : result.jobs()) {
                remember(session, job, new EventOutbox.Reply(replyTo.get().stored(), correlationId));
            }
        }
        CrashPoints.reach(CrashPoints.AFTER_REQUEST_ACCEPTED);
    }

    /**
     * Sends the job's final status to the reply-to address when it comes; a repeated request whose job has finished
     * already is answered at once, because that job will publish no more events.
     */
    private void remember(Session session, JobRecord job, EventOutbox.Reply reply) throws JMSException {
        outbox.addReply(job.id(), reply);
        JobRecord now = ledger.find(job.id()).orElse(job);
        StatusEvent current = StatusEvent.current(now, ledger.files(now.id()));
        if (current.isFinal()) {
            AmqpSender.send(session, AmqpAddress.parse(reply.address()),
                    new String(current.toJson(), StandardCharsets.UTF_8),
                    StatusEventPublisher.properties(current), reply.correlationId());
        }
    }

    /** The message goes, body and JMS fields unchanged, to the dead-letter address, its reason in a property. */
    private void refuse(Session session, Message message, String source, Optional<AmqpAddress> replyTo,
                        String correlationId, List<Violation> violations) throws JMSException {
        StatusEvent rejected = StatusEvent.rejected(violations, clock.instant());
        String reason = new String(rejected.toJson(), StandardCharsets.UTF_8);
        LOG.warn("{} rejected: {}", source, violations);
        // the sender's properties are dropped: a dead letter must not carry anything that steers whoever reads it
        message.clearProperties();
        message.setStringProperty(REASON_PROPERTY, reason);
        try (var producer = session.createProducer(AmqpAddress.queue(settings.deadLetter()).in(session))) {
            producer.send(message);
        }
        if (replyTo.isPresent()) {
            AmqpSender.send(session, replyTo.get(), reason, StatusEventPublisher.properties(rejected), correlationId);
        }
    }
}
