package io.iotjobbridge.push;

import java.util.Optional;

import io.iotjobbridge.amqp.AmqpPayload;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription route's reading step: the raw JMS message in, a {@link PushedStatus} out. A message of the wrong
 * kind is refused (settled {@code rejected}); one that is not a status this bridge understands is logged by its ids
 * and acknowledged, so it neither blocks the queue nor comes back. Either way the route stops there and nothing
 * reaches the engine.
 */
final class PushReader implements Processor {

    /** The exchange property holding the key repeats are recognised by: vendor, account and message id. */
    static final String DEDUPE_KEY = "pushDedupeKey";

    private static final Logger LOG = LoggerFactory.getLogger(PushReader.class);
    /** Vendors send bytes, and a status message is small. */
    static final int MAX_BYTES = 64 * 1024;

    private final PushSubscription subscription;

    PushReader(PushSubscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        org.apache.camel.Message in = exchange.getMessage();
        // the component hands over the JMS message itself (mapJmsMessage=false): nothing has read the body yet
        if (!(in.getBody() instanceof Message jms)) {
            LOG.warn("Push {}: no JMS message to read; dropped", route());
            exchange.setRouteStop(true);
            return;
        }
        Optional<byte[]> body = AmqpPayload.read(jms, MAX_BYTES);
        if (body.isEmpty()) {
            AmqpPayload.reject(jms);
            LOG.warn("Push {}: refused a {} (message {}): only text or bytes of at most {} bytes are read",
                    route(), AmqpPayload.kindOf(jms), AmqpPayload.loggable(in.getHeader("messageId")), MAX_BYTES);
            exchange.setRouteStop(true);
            return;
        }
        try {
            PushedStatus status = subscription.mapping().read(subscription.account(), in.getHeaders(), body.get());
            in.setBody(status);
            exchange.setProperty(DEDUPE_KEY, status.vendor() + "/" + status.account() + "/" + status.messageId());
            LOG.debug("Push {}: {} job {} is {} (message {})", route(), status.vendor(),
                    AmqpPayload.loggable(status.vendorJobId()), status.status().vendorStatus(), AmqpPayload.loggable(status.messageId()));
        } catch (UnreadablePush unreadable) {
            LOG.warn("Push {}: ignored message {} (topic {}): {}", route(), AmqpPayload.loggable(in.getHeader("messageId")),
                    AmqpPayload.loggable(in.getHeader("topic")), unreadable.getMessage());
            exchange.setRouteStop(true);
        }
    }

    private String route() {
        return subscription.vendor() + "/" + subscription.account();
    }
}
