package io.iotjobbridge.ops.health;

import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

/**
 * The AMQP broker takes a connection: requests arrive and status events leave through it. A fresh connection, not
 * the cached one, so a broker that went away shows at once rather than when a send next fails.
 */
final class BrokerReadiness extends ReadinessCheck {

    private final ConnectionFactory broker;

    BrokerReadiness(ConnectionFactory broker) {
        super("amqp-broker");
        this.broker = broker;
    }

    @Override
    Optional<String> problem() {
        try (Connection connection = broker.createConnection()) {
            connection.start();
            return Optional.empty();
        } catch (JMSException e) {
            return Optional.of("the AMQP broker refuses a connection (" + e.getClass().getSimpleName() + ")");
        }
    }
}
