package io.iotjobbridge.amqp;

import java.util.Optional;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * A queue or topic on the bridge's broker, kept in the ledger as {@code queue:<name>} or {@code topic:<name>}. A
 * reply-to address comes from whoever sent a request, so only plain address names are taken from a message.
 */
public record AmqpAddress(boolean topic, String name) {

    public AmqpAddress {
        if (name == null || !AmqpSettings.ADDRESS.matcher(name).matches()) {
            throw new IllegalArgumentException("an AMQP address must be 1 to 200 letters, digits or . _ - : /");
        }
    }

    public static AmqpAddress queue(String name) {
        return new AmqpAddress(false, name);
    }

    /** The message's reply-to, when it has one this bridge can send to. */
    public static Optional<AmqpAddress> replyTo(jakarta.jms.Message message) throws JMSException {
        Destination replyTo = message.getJMSReplyTo();
        String name = replyTo instanceof Queue queue ? queue.getQueueName()
                : replyTo instanceof Topic topic ? topic.getTopicName() : null;
        if (name == null || !AmqpSettings.ADDRESS.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AmqpAddress(replyTo instanceof Topic, name));
    }

    public static AmqpAddress parse(String stored) {
        if (stored.startsWith("topic:")) {
            return new AmqpAddress(true, stored.substring("topic:".length()));
        }
        if (stored.startsWith("queue:")) {
            return new AmqpAddress(false, stored.substring("queue:".length()));
        }
        throw new IllegalArgumentException("not a stored AMQP address: " + stored);
    }

    public String stored() {
        return (topic ? "topic:" : "queue:") + name;
    }

    Destination in(Session session) throws JMSException {
        return topic ? session.createTopic(name) : session.createQueue(name);
    }
}
