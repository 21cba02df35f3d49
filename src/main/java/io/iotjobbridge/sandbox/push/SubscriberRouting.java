package io.iotjobbridge.sandbox.push;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Gives every subscriber only its own messages although all of them read the queue name the vendor tells them to
 * ({@code default}). Which subscriber a message is for is kept here, by the broker's id of the message, rather than
 * in a message property, so subscribers see exactly the properties the vendor sends. A message nobody may take waits
 * in the queue, as it would at the vendor while the consumer group has no client online.
 */
final class SubscriberRouting implements ActiveMQServerMessagePlugin {

    private final ConcurrentMap<Long, PushAddress> addresses = new ConcurrentHashMap<>();
    private volatile ActiveMQServer server;

    @Override
    public void registered(ActiveMQServer registeredWith) {
        this.server = registeredWith;
    }

    /** Must be called before the message is routed, or no consumer could take it. */
    void address(long messageId, PushAddress address) {
        addresses.put(messageId, address);
    }

    @Override
    public boolean canAccept(ServerConsumer consumer, MessageReference reference) {
        PushAddress address = addresses.get(reference.getMessage().getMessageID());
        return address != null && subscriberOf(consumer).filter(s -> s.receives(address)).isPresent();
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference reference, AckReason reason,
                                    ServerConsumer consumer) {
        addresses.remove(reference.getMessage().getMessageID());
    }

    private Optional<Subscriber> subscriberOf(ServerConsumer consumer) {
        ActiveMQServer current = server;
        ServerSession session = current == null ? null : current.getSessionByID(consumer.getSessionID());
        if (session == null || session.getRemotingConnection() == null) {
            return Optional.empty();
        }
        return PushSecurity.subscriberOf(session.getRemotingConnection().getSubject());
    }
}
