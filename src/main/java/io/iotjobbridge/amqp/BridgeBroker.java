package io.iotjobbridge.amqp;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's own AMQP 1.0 broker, embedded Artemis, for when no external broker is configured. Messages are kept
 * in a journal under the data folder and written through to disk before a send is confirmed, so a request
 * sent to the bridge survives the bridge's own crash and is delivered again after the restart.
 */
public final class BridgeBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeBroker.class);
    private static final String ACCEPTOR = "amqp";

    private final ActiveMQServer server;
    private final URI url;

    private BridgeBroker(ActiveMQServer server, URI url) {
        this.server = server;
        this.url = url;
    }

    /**
     * @param stateDir the folder the journal lives in, kept across restarts
     * @throws IllegalStateException when the broker cannot start, e.g. its port is taken
     */
    public static BridgeBroker start(AmqpSettings settings, Path stateDir) {
        ConfigurationImpl config = configuration(settings, stateDir);
        ActiveMQServer server = settings.user()
                .map(user -> ActiveMQServers.newActiveMQServer(config, null,
                        new BrokerLogin(user, settings.password().orElseThrow()), true))
                .orElseGet(() -> ActiveMQServers.newActiveMQServer(config, true));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded AMQP broker on " + settings.brokerHost() + ":"
                    + settings.brokerPort() + " (bridge.broker.host, bridge.broker.port): " + e.getMessage(), e);
        }
        if (!server.isActive()) {
            stopQuietly(server);
            throw new IllegalStateException("the embedded AMQP broker did not start; is its journal folder "
                    + stateDir + " used by another bridge?");
        }
        int port = ((NettyAcceptor) server.getRemotingService().getAcceptor(ACCEPTOR)).getActualPort();
        URI url = URI.create("amqp://" + settings.brokerHost() + ":" + port);
        LOG.info("Embedded AMQP broker listening on {}", url);
        return new BridgeBroker(server, url);
    }

    public URI url() {
        return url;
    }

    /** Messages on {@code queue} not yet acknowledged, delivered or not. */
    public long pending(String queue) {
        return server.getPostOffice().getBinding(SimpleString.of(queue)) instanceof QueueBinding binding
                ? binding.getQueue().getMessageCount() : 0;
    }

    @Override
    public void close() {
        stopQuietly(server);
        LOG.info("Embedded AMQP broker on {} stopped", url);
    }

    private static ConfigurationImpl configuration(AmqpSettings settings, Path stateDir) {
        requireLoginBeyondLoopback(settings);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("iot-job-bridge");
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(stateDir.resolve("journal").toString());
        config.setBindingsDirectory(stateDir.resolve("bindings").toString());
        config.setPagingDirectory(stateDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(stateDir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(stateDir.toString());
        config.setSecurityEnabled(settings.user().isPresent());
        config.setJMXManagementEnabled(false);
        // the analyzer's watchdog would halt the whole bridge over a slow disk; the ledger is the bridge's safety net
        config.setCriticalAnalyzer(false);
        // a nearly full disk should show up as failed writes in the ledger, not as a broker that stops accepting
        config.setMaxDiskUsage(-1);
        // a request the bridge could not take comes back after a pause that grows, never in a tight loop; the bridge
        // itself moves poison messages to the dead-letter address, so the broker never gives up on one
        config.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(-1)
                // never used with unlimited attempts and no expiry; set so the broker does not warn of their absence
                .setDeadLetterAddress(SimpleString.of(settings.deadLetter()))
                .setExpiryAddress(SimpleString.of(settings.deadLetter()))
                .setAutoCreateAddresses(true).setAutoCreateQueues(true).setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        try {
            config.addAcceptorConfiguration(ACCEPTOR, "tcp://" + settings.brokerHost() + ":" + settings.brokerPort()
                    + "?protocols=AMQP");
        } catch (Exception e) {
            throw new IllegalArgumentException("bridge.broker.host/bridge.broker.port: cannot listen on "
                    + settings.brokerHost() + ":" + settings.brokerPort(), e);
        }
        return config;
    }

    /** An open broker on a reachable interface would take requests from anyone who finds it. */
    private static void requireLoginBeyondLoopback(AmqpSettings settings) {
        if (settings.user().isPresent()) {
            return;
        }
        try {
            if (!InetAddress.getByName(settings.brokerHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("bridge.broker.host " + settings.brokerHost()
                        + " is not a loopback address: set bridge.amqp.user and bridge.amqp.password first");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bridge.broker.host " + settings.brokerHost() + " is not known", e);
        }
    }

    private static void stopQuietly(ActiveMQServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Embedded AMQP broker did not stop cleanly: {}", e.toString());
        }
    }
}
