package io.iotjobbridge.amqp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.message.JmsMessageSupport;

/**
 * The body of a message from any AMQP queue the bridge reads (vendor pushes, job requests), read only from a text or
 * bytes message. Any other kind, an {@code ObjectMessage} above all, is never opened: reading one would deserialize
 * Java objects chosen by whoever sent it (the deserialization advisories of Camel 4.x's JMS components). A body over
 * the reader's size bound is refused too, before it is copied.
 */
public final class AmqpPayload {

    private static final int MAX_LOGGED = 80;

    private AmqpPayload() {
    }

    /** The body's bytes (text as UTF-8), or empty when the message must be refused. */
    public static Optional<byte[]> read(Message message, int maxBytes) throws JMSException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            return bytes.length <= maxBytes ? Optional.of(bytes) : Optional.empty();
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > maxBytes) {
                return Optional.empty();
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return Optional.of(body);
        }
        return Optional.empty();
    }

    /**
     * Settles the message as AMQP {@code rejected} when it is acknowledged, rather than accepted, so the broker can
     * dead-letter it; the vendors allow subscribers no sender link, so there is no queue of our own to move it to.
     */
    public static void reject(Message message) throws JMSException {
        message.setIntProperty(JmsMessageSupport.JMS_AMQP_ACK_TYPE, JmsMessageSupport.REJECTED);
    }

    /** The message's kind for a log line, e.g. {@code ObjectMessage}, without touching its body. */
    public static String kindOf(Message message) {
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        } else if (message instanceof MapMessage) {
            return "MapMessage";
        } else if (message instanceof StreamMessage) {
            return "StreamMessage";
        } else if (message instanceof TextMessage) {
            return "TextMessage";
        } else if (message instanceof BytesMessage) {
            return "BytesMessage";
        }
        return "Message";
    }

    /** An id or name from a message, as a log may show it: one short line, whatever the sender put there. */
    public static String loggable(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_LOGGED ? text : text.substring(0, MAX_LOGGED) + "…";
    }
}
