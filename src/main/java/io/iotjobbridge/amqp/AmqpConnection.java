package io.iotjobbridge.amqp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.jms.ConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.policy.JmsDefaultDeserializationPolicy;
import org.apache.qpid.jms.policy.JmsDefaultPrefetchPolicy;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * How the bridge reaches its AMQP 1.0 broker (embedded or external): one Qpid JMS factory for the request consumers,
 * and a caching one over it for sends, so publishing an event does not open a connection each time. Qpid verifies
 * the broker's TLS certificate and host name on {@code amqps://}; no Java class is ever deserialized from a message.
 */
public final class AmqpConnection implements AutoCloseable {

    /** The largest AMQP frame the bridge's connections accept, unless the URL sets {@code amqp.maxFrameSize}. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final JmsConnectionFactory consuming;
    private final CachingConnectionFactory sending;
    private final String loggableUrl;

    private AmqpConnection(JmsConnectionFactory consuming, String loggableUrl) {
        this.consuming = consuming;
        this.sending = new CachingConnectionFactory(consuming);
        this.sending.setSessionCacheSize(4);
        this.loggableUrl = loggableUrl;
    }

    /** @param url the broker, {@code amqp://host:port} or {@code amqps://host:port}, without options */
    public static AmqpConnection to(URI url, AmqpSettings settings) {
        StringBuilder full = new StringBuilder(url.toString());
        // the trust store password may only travel in the URL, which is why the URL is never logged whole
        settings.trustStore().ifPresent(store -> {
            full.append(full.indexOf("?") < 0 ? '?' : '&').append("transport.trustStoreLocation=").append(encode(store));
            settings.trustStorePassword().ifPresent(p ->
                    full.append("&transport.trustStorePassword=").append(encode(p.reveal())));
        });
        if (full.indexOf("amqp.maxFrameSize=") < 0) {
            // Qpid keeps frame-sized buffers for each connection: at its 1 MiB default the bridge's few connections
            // held about 24 MiB of heap; a larger message simply travels in several frames
            full.append(full.indexOf("?") < 0 ? '?' : '&').append("amqp.maxFrameSize=").append(MAX_FRAME_BYTES);
        }
        JmsConnectionFactory factory = new JmsConnectionFactory(full.toString());
        settings.user().ifPresent(factory::setUsername);
        settings.password().ifPresent(p -> factory.setPassword(p.reveal()));
        JmsDefaultDeserializationPolicy noClasses = new JmsDefaultDeserializationPolicy();
        noClasses.setDenyList("*");
        factory.setDeserializationPolicy(noClasses);
        // Qpid's default of 1000 would let the first node to connect take a whole backlog, leaving other nodes idle
        JmsDefaultPrefetchPolicy prefetch = new JmsDefaultPrefetchPolicy();
        prefetch.setQueuePrefetch(settings.prefetch());
        factory.setPrefetchPolicy(prefetch);
        return new AmqpConnection(factory, url.getScheme() + "://" + url.getHost() + ":" + url.getPort());
    }

    public ConnectionFactory forConsumers() {
        return consuming;
    }

    public ConnectionFactory forSending() {
        return sending;
    }

    /** Scheme, host and port only. */
    @Override
    public String toString() {
        return loggableUrl;
    }

    @Override
    public void close() {
        sending.destroy();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
