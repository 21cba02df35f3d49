package io.iotjobbridge.push;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnection;
import org.apache.qpid.jms.JmsConnectionListener;
import org.apache.qpid.jms.message.JmsInboundMessageDispatch;

/**
 * Hands out Qpid JMS connections and remembers the latest one, so whether it is up can be asked at any time: open,
 * not failed, not closed, and not in the middle of a failover reconnect.
 */
final class ObservedConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private volatile Observed latest;

    ObservedConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    boolean isUp() {
        Observed current = latest;
        return current != null && current.isUp();
    }

    @Override
    public Connection createConnection() throws JMSException {
        return observe(delegate.createConnection());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return observe(delegate.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return delegate.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return delegate.createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return delegate.createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return delegate.createContext(sessionMode);
    }

    private Connection observe(Connection connection) {
        if (connection instanceof JmsConnection qpid) {
            Observed observed = new Observed(qpid);
            qpid.addConnectionListener(observed);
            latest = observed;
        }
        return connection;
    }

    /** One connection's state, as Qpid reports it. */
    private static final class Observed implements JmsConnectionListener {

        private final JmsConnection connection;
        private final AtomicBoolean interrupted = new AtomicBoolean();

        Observed(JmsConnection connection) {
            this.connection = connection;
        }

        boolean isUp() {
            return connection.isConnected() && !connection.isFailed() && !connection.isClosed() && !interrupted.get();
        }

        @Override
        public void onConnectionEstablished(URI remoteUri) {
            interrupted.set(false);
        }

        @Override
        public void onConnectionFailure(Throwable error) {
            interrupted.set(true);
        }

        @Override
        public void onConnectionInterrupted(URI remoteUri) {
            interrupted.set(true);
        }

        @Override
        public void onConnectionRestored(URI remoteUri) {
            interrupted.set(false);
        }

        @Override
        public void onInboundMessage(JmsInboundMessageDispatch envelope) {
            // not a change of state
        }

        @Override
        public void onSessionClosed(Session session, Throwable cause) {
            // not a change of the connection's state
        }

        @Override
        public void onConsumerClosed(MessageConsumer consumer, Throwable cause) {
            // the listener container notices and makes a new one; the route reports it unsubscribed meanwhile
        }

        @Override
        public void onProducerClosed(MessageProducer producer, Throwable cause) {
            // subscriptions never produce
        }
    }
}
