package io.iotjobbridge.crash;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;

/** A workflow's side of the AMQP trigger, with a plain AMQP 1.0 client: send a request, read the reply. */
final class RequestMessage {

    private RequestMessage() {
    }

    /** Sends once the bridge's broker takes connections (the bridge JVM may still be starting). */
    static void send(URI broker, String document, String replyTo) {
        await("the bridge's broker to take the request").atMost(BridgeRun.MAX_WAIT)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    try (Connection connection = new JmsConnectionFactory(broker.toString()).createConnection()) {
                        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        TextMessage message = session.createTextMessage(document);
                        message.setJMSReplyTo(session.createQueue(replyTo));
                        session.createProducer(session.createQueue("iot.jobs.requests")).send(message);
                    }
                    return true;
                });
    }

    /** The text of the next reply on {@code replyTo}. */
    static String reply(URI broker, String replyTo) throws Exception {
        try (Connection connection = new JmsConnectionFactory(broker.toString()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(replyTo))) {
                Message reply = consumer.receive(BridgeRun.MAX_WAIT.toMillis());
                return reply == null ? "" : ((TextMessage) reply).getText();
            }
        }
    }
}
