package io.iotjobbridge.push;

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
 * The body of a pushed message, read only from a text or bytes message. Any other kind, an {@code ObjectMessage}
 * above all, is never opened: reading one would deserialize Java objects chosen by whoever sent it (the
 * deserialization advisories of Camel 4.x's JMS components). Vendors send bytes; a status message is small, so a
 * body over {@link #MAX_BYTES} is refused too.
 */
final class PushPayload {

    static final int MAX_BYTES = 64 * 1024;

    private PushPayload() {
    }

    /** The body's bytes (text as UTF-8), or empty when the message must be refused. */
    static Optional<byte[]> read(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            return bytes.length <= MAX_BYTES ? Optional.of(bytes) : Optional.empty();
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > MAX_BYTES) {
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
    static void reject(Message message) throws JMSException {
        message.setIntProperty(JmsMessageSupport.JMS_AMQP_ACK_TYPE, JmsMessageSupport.REJECTED);
    }

    /** The message's kind for a log line, e.g. {@code ObjectMessage}, without touching its body. */
    static String kindOf(Message message) {
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
}
