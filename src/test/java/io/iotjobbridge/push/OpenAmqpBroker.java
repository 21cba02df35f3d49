package io.iotjobbridge.push;

import java.net.URI;
import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An AMQP broker with no security at all, so a test can put on a queue what no vendor would send (an ObjectMessage,
 * Camel-named properties, a JMSReplyTo) and stop and restart it under a subscriber. Rejected messages go to queue
 * {@value #DLQ}. Stops on the same port it restarts on.
 */
final class OpenAmqpBroker implements AutoCloseable {

    static final String DLQ = "DLQ";

    private final Path workDir;
    private final String queue;
    private ActiveMQServer server;
    private int port;

    private OpenAmqpBroker(Path workDir, String queue) {
        this.workDir = workDir;
        this.queue = queue;
    }

    static OpenAmqpBroker start(Path workDir, String queue) throws Exception {
        OpenAmqpBroker broker = new OpenAmqpBroker(workDir, queue);
        broker.startOn(0);
        return broker;
    }

    URI url() {
        return URI.create("amqp://127.0.0.1:" + port);
    }

    long messageCount(String name) {
        return server.getPostOffice().getBinding(SimpleString.of(name)) instanceof QueueBinding binding
                ? binding.getQueue().getMessageCount() : -1;
    }

    void stop() throws Exception {
        server.stop();
    }

    void restart() throws Exception {
        startOn(port);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private void startOn(int wantedPort) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setCriticalAnalyzer(false);
        config.setMaxDiskUsage(-1);
        config.setJournalDirectory(workDir.resolve("journal").toString());
        config.setBindingsDirectory(workDir.resolve("bindings").toString());
        config.setPagingDirectory(workDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(workDir.resolve("large").toString());
        config.setNodeManagerLockDirectory(workDir.toString());
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + wantedPort + "?protocols=AMQP");
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DLQ))
                .setExpiryAddress(SimpleString.of(DLQ)).setMaxDeliveryAttempts(-1));
        server = ActiveMQServers.newActiveMQServer(config, false);
        server.start();
        for (String name : new String[] {queue, DLQ, "replies"}) {
            server.createQueue(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(false));
        }
        port = ((NettyAcceptor) server.getRemotingService().getAcceptor("amqp")).getActualPort();
    }
}
