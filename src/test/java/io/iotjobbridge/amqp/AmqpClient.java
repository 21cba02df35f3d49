package io.iotjobbridge.amqp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A plain AMQP 1.0 client (Qpid JMS, no Camel) as a workflow would use it: sends requests, reads replies, events
 * and dead letters. One connection, auto-acknowledge.
 */
final class AmqpClient implements AutoCloseable {

    /** What a message prepares before it is sent: its body, properties, reply-to. */
    @FunctionalInterface
    interface Build {
        Message on(Session session) throws JMSException;
    }

    private final Connection connection;
    private final Session session;

    AmqpClient(URI broker) throws JMSException {
        this(broker, null, null);
    }

    AmqpClient(URI broker, String user, String password) throws JMSException {
        JmsConnectionFactory factory = new JmsConnectionFactory(broker.toString());
        this.connection = factory.createConnection(user, password);
        this.connection.start();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** @return the sent message's JMSMessageID */
    String send(String queue, Build build) throws JMSException {
        Message message = build.on(session);
        session.createProducer(session.createQueue(queue)).send(message);
        return message.getJMSMessageID();
    }

    /** Everything on {@code queue} that arrives within {@code quiet} of the last message. */
    List<Message> drain(String queue, Duration quiet) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            for (Message m = consumer.receive(quiet.toMillis()); m != null; m = consumer.receive(quiet.toMillis())) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** The next message on {@code queue}, or null when none comes within {@code wait}. */
    Message receive(String queue, Duration wait) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return consumer.receive(wait.toMillis());
        }
    }

    Session session() {
        return session;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
