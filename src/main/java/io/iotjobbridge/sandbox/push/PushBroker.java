package io.iotjobbridge.sandbox.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.StatsRecorder;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendors' AMQP 1.0 endpoint, played by an embedded Artemis broker on one loopback port: SASL PLAIN only,
 * logins checked by {@link PushSecurity}, each subscriber served only its own messages by {@link SubscriberRouting}.
 * Messages live in memory; the only files are the broker's working folders, in a temporary folder removed on close.
 */
public final class PushBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushBroker.class);
    private static final String ACCEPTOR = "amqp";
    /** The only queue an Alibaba subscriber may read, as at the vendor. */
    public static final String ALIYUN_QUEUE = "default";
    /** Where messages a subscriber settles as rejected end up, to be looked at. */
    public static final String DEAD_LETTERS = "DLQ";

    private final ActiveMQServer server;
    private final SubscriberRouting routing;
    private final Path workDir;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PushBroker(ActiveMQServer server, SubscriberRouting routing, Path workDir, URI url) {
        this.server = server;
        this.routing = routing;
        this.workDir = workDir;
        this.url = url;
    }

    /**
     * Binds and starts at once.
     *
     * @param credentials the sandbox's AccessKeyId to secret pairs, which also sign Alibaba AMQP logins
     * @throws IllegalStateException when the broker cannot start (e.g. the port is taken)
     */
    public static PushBroker start(String host, PushSettings settings, Map<String, Secret> credentials, Clock clock,
                                   StatsRecorder stats) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("sandbox-push-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the push broker's working folder", e);
        }
        SubscriberRouting routing = new SubscriberRouting();
        PushSecurity security = new PushSecurity(new AliyunAmqpLogin(credentials, settings.timestampTolerance()),
                new HuaweiAmqpLogin(settings), clock, stats);
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(configuration(host, settings, workDir, routing),
                null, security, false);
        try {
            server.start();
            for (String queue : queues(settings)) {
                server.createQueue(QueueConfiguration.of(queue).setAddress(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(false).setAutoCreated(false));
            }
        } catch (Exception e) {
            stopQuietly(server);
            deleteQuietly(workDir);
            throw new IllegalStateException("cannot start the sandbox's AMQP endpoint on " + host + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        int port = ((NettyAcceptor) server.getRemotingService().getAcceptor(ACCEPTOR)).getActualPort();
        URI url = URI.create("amqp://" + host + ":" + port);
        LOG.info("Vendor sandbox AMQP push endpoint listening on {}", url);
        return new PushBroker(server, routing, workDir, url);
    }

    /** {@code amqp://<host>:<actual port>}; plain AMQP, where the vendors insist on TLS. */
    public URI url() {
        return url;
    }

    /** Puts the message on {@code queue} for the subscribers {@code to} names. */
    public void publish(PushAddress to, String queue, PushMessage pushed) {
        byte[] body = pushed.body();
        CoreMessage message = new CoreMessage(server.getStorageManager().generateID(), body.length + 512);
        message.setType(Message.BYTES_TYPE);
        message.getBodyBuffer().writeBytes(body);
        pushed.properties().forEach(message::putObjectProperty);
        message.setAddress(queue);
        message.setRoutingType(RoutingType.ANYCAST);
        message.setDurable(false);
        routing.address(message.getMessageID(), to);
        try {
            server.getPostOffice().route(message, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot queue a push message on " + queue, e);
        }
    }

    /** Messages on {@code queue} not yet acknowledged, delivered or not. */
    public long pending(String queue) {
        return server.getPostOffice().getBinding(SimpleString.of(queue)) instanceof QueueBinding binding
                ? binding.getQueue().getMessageCount() : 0;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopQuietly(server);
        deleteQuietly(workDir);
        LOG.info("Vendor sandbox AMQP push endpoint on {} stopped", url);
    }

    private static Set<String> queues(PushSettings settings) {
        // the two vendors' queues may well share the name "default"
        Set<String> queues = new TreeSet<>();
        queues.add(ALIYUN_QUEUE);
        queues.add(settings.huaweiQueue());
        queues.add(DEAD_LETTERS);
        return queues;
    }

    private static Configuration configuration(String host, PushSettings settings, Path workDir,
                                               SubscriberRouting routing) {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("vendor-sandbox-push");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        // a simulator needs none of the production safeguards that run background threads or watch the disk
        config.setCriticalAnalyzer(false);
        config.setMaxDiskUsage(-1);
        config.setGracefulShutdownEnabled(false);
        config.setJournalDirectory(workDir.resolve("journal").toString());
        config.setBindingsDirectory(workDir.resolve("bindings").toString());
        config.setPagingDirectory(workDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(workDir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(workDir.toString());
        config.registerBrokerPlugin(routing);
        // nothing expires; a message a subscriber rejects is kept rather than dropped
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(DEAD_LETTERS)));
        try {
            config.addAcceptorConfiguration(ACCEPTOR, "tcp://" + host + ":" + settings.port()
                    + "?protocols=AMQP;saslMechanisms=PLAIN");
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot listen for AMQP on " + host + ":" + settings.port(), e);
        }
        return config;
    }

    private static void stopQuietly(ActiveMQServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Sandbox AMQP endpoint did not stop cleanly: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", dir, e.toString());
        }
    }
}
