package io.iotjobbridge.push;

import java.time.Clock;
import java.util.Map;
import java.util.WeakHashMap;

import jakarta.jms.Connection;
import org.apache.qpid.jms.JmsConnectionExtensions;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.policy.JmsDefaultDeserializationPolicy;

/**
 * The Qpid JMS connection factory of one subscription. Both vendors' logins carry a timestamp, so the user name and
 * password are computed at each connection attempt (Qpid asks for them again on every reconnect), and the two always
 * come from the same login. No Java class may be deserialized from a message, whatever reads it.
 */
final class PushConnectionFactory {

    private PushConnectionFactory() {
    }

    static JmsConnectionFactory create(PushSubscription subscription, Clock clock) {
        JmsConnectionFactory factory = new JmsConnectionFactory(subscription.connectionUrl());
        JmsDefaultDeserializationPolicy noClasses = new JmsDefaultDeserializationPolicy();
        noClasses.setDenyList("*");
        factory.setDeserializationPolicy(noClasses);
        // Qpid asks for the user name, then the password, of one attempt on one thread; the password must be the one
        // signed together with that user name's timestamp
        Map<Connection, AmqpLogin> attempts = new WeakHashMap<>();
        factory.setExtension(JmsConnectionExtensions.USERNAME_OVERRIDE.toString(), (connection, uri) -> {
            AmqpLogin login = subscription.loginAt(clock.instant());
            synchronized (attempts) {
                attempts.put(connection, login);
            }
            return login.userName();
        });
        factory.setExtension(JmsConnectionExtensions.PASSWORD_OVERRIDE.toString(), (connection, uri) -> {
            AmqpLogin login;
            synchronized (attempts) {
                login = attempts.remove(connection);
            }
            return (login != null ? login : subscription.loginAt(clock.instant())).password().reveal();
        });
        return factory;
    }
}
