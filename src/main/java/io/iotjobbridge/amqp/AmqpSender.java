package io.iotjobbridge.amqp;

import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;

/**
 * Sends JSON documents (status events, replies, dead letters) as persistent text messages. Addresses are always
 * {@link AmqpAddress}es, never parts of an endpoint URI, so a name that came with a message cannot add options.
 */
public final class AmqpSender {

    private final JmsTemplate jms;

    public AmqpSender(ConnectionFactory factory) {
        this.jms = new JmsTemplate(factory);
    }

    /** Sends on a session of its own. */
    public void send(AmqpAddress to, String json, Map<String, String> properties, String correlationId) {
        jms.execute(session -> {
            send(session, to, json, properties, correlationId);
            return null;
        }, true);
    }

    /** Sends on {@code session}: inside its transaction, when it is transacted. */
    static void send(Session session, AmqpAddress to, String json, Map<String, String> properties,
                     String correlationId) throws JMSException {
        TextMessage message = session.createTextMessage(json);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        try (MessageProducer producer = session.createProducer(to.in(session))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        }
    }
}
