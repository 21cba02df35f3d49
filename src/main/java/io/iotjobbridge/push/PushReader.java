package io.iotjobbridge.push;

import java.util.Optional;

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
    private static final int MAX_LOGGED = 80;

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
        Optional<byte[]> body = PushPayload.read(jms);
        if (body.isEmpty()) {
            PushPayload.reject(jms);
            LOG.warn("Push {}: refused a {} (message {}): only text or bytes of at most {} bytes are read",
                    route(), PushPayload.kindOf(jms), loggable(in.getHeader("messageId")), PushPayload.MAX_BYTES);
            exchange.setRouteStop(true);
            return;
        }
        try {
            PushedStatus status = subscription.mapping().read(subscription.account(), in.getHeaders(), body.get());
            in.setBody(status);
            exchange.setProperty(DEDUPE_KEY, status.vendor() + "/" + status.account() + "/" + status.messageId());
            LOG.debug("Push {}: {} job {} is {} (message {})", route(), status.vendor(),
                    loggable(status.vendorJobId()), status.status().vendorStatus(), loggable(status.messageId()));
        } catch (UnreadablePush unreadable) {
            LOG.warn("Push {}: ignored message {} (topic {}): {}", route(), loggable(in.getHeader("messageId")),
                    loggable(in.getHeader("topic")), unreadable.getMessage());
            exchange.setRouteStop(true);
        }
    }

    private String route() {
        return subscription.vendor() + "/" + subscription.account();
    }

    /** An id from the message, as a log may show it: one short line, whatever the sender put there. */
    static String loggable(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_LOGGED ? text : text.substring(0, MAX_LOGGED) + "…";
    }
}
