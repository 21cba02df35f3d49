package io.iotjobbridge.push;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.iotjobbridge.vendor.Vendor;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.component.jms.JmsConfiguration;
import org.apache.camel.component.jms.JmsConsumer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * One route per push subscription, {@code push-<vendor>-<account>}: receive from the vendor's AMQP queue, keep only
 * allow-listed headers, read the status (text and bytes only), drop repeats by message id, and hand the status to
 * the engine. A message is acknowledged only once the engine has taken it, so a crash in between means the vendor
 * sends it again (at least once, as the vendors deliver).
 *
 * <p>Repeats are recognised in memory, among the last {@value #REMEMBERED} message ids: enough for the vendors'
 * redeliveries, which come soon after the first delivery. A repeat that slips through (after a restart, say) is
 * harmless, because applying the same status twice changes nothing in the engine.
 */
public final class PushRoutes extends RouteBuilder {

    static final int REMEMBERED = 10_000;
    private static final int DELIVERY_ATTEMPTS = 4;

    private final PushSubscriptions subscriptions;
    private final PushConnections connections;
    private final Consumer<PushedStatus> sink;
    private final Clock clock;
    private final IdempotentRepository seen = MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED);

    /**
     * @param sink takes each new status; if it throws, delivery is tried again with backoff, and if it still fails
     *             the message is left unacknowledged for the vendor to send again
     */
    public PushRoutes(PushSubscriptions subscriptions, PushConnections connections, Consumer<PushedStatus> sink,
                      Clock clock) {
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.sink = sink;
        this.clock = clock;
    }

    /** The route id of a subscription. */
    public static String routeId(Vendor vendor, String account) {
        return "push-" + vendor.wireName() + "-" + account;
    }

    @Override
    public void configure() {
        // only the engine hand-over can fail for reasons worth waiting out (a busy ledger); reading never throws
        errorHandler(defaultErrorHandler().maximumRedeliveries(DELIVERY_ATTEMPTS - 1).redeliveryDelay(500)
                .backOffMultiplier(2).useExponentialBackOff().retryAttemptedLogLevel(LoggingLevel.WARN));
        List<PushSubscription> all = subscriptions.all();
        for (int i = 0; i < all.size(); i++) {
            subscribe(all.get(i), "push" + i);
        }
    }

    private void subscribe(PushSubscription subscription, String componentName) {
        String routeId = routeId(subscription.vendor(), subscription.account());
        ObservedConnectionFactory factory = new ObservedConnectionFactory(
                PushConnectionFactory.create(subscription, clock));
        getContext().addComponent(componentName, component(factory));
        connections.track(subscription.vendor(), subscription.account(),
                () -> factory.isUp() && attached(routeId));

        from(componentName + ":queue:" + subscription.queue()).routeId(routeId)
                .process(PushHeaders::keepAllowed).id(routeId + "-headers")
                .process(new PushReader(subscription)).id(routeId + "-read")
                .idempotentConsumer(exchangeProperty(PushReader.DEDUPE_KEY), seen).id(routeId + "-dedupe")
                    .process(exchange -> sink.accept(exchange.getMessage().getBody(PushedStatus.class)))
                    .id(routeId + "-deliver")
                .end();
    }

    private AMQPComponent component(ObservedConnectionFactory factory) {
        AMQPComponent amqp = new AMQPComponent(factory);
        JmsConfiguration config = amqp.getConfiguration();
        // acknowledge after the route has handed the status over; a failure leaves it for the vendor to resend
        config.setAcknowledgementModeName("CLIENT_ACKNOWLEDGE");
        config.setTransacted(false);
        // the route gets the JMS message itself and reads only text and bytes bodies: an ObjectMessage's body is
        // never deserialized
        config.setMapJmsMessage(false);
        // a pushed message must not make the bridge send anything anywhere, JMSReplyTo or not
        config.setDisableReplyTo(true);
        // one receiver link per connection, as Alibaba allows, kept open (CACHE_CONSUMER) so "attached" means it
        config.setConcurrentConsumers(1);
        config.setMaxConcurrentConsumers(1);
        config.setCacheLevelName("CACHE_CONSUMER");
        config.setRecoveryInterval(subscriptions.reconnectInterval().toMillis());
        // a vendor that cannot be reached must not stop the bridge from starting: the listener keeps trying
        config.setTestConnectionOnStartup(false);
        config.setAsyncStartListener(true);
        amqp.setHeaderFilterStrategy(PushHeaders.FILTER);
        return amqp;
    }

    /** Whether the route's listener has its receiver on the queue (Spring counts it only while one is open). */
    private boolean attached(String routeId) {
        Route route = getContext().getRoute(routeId);
        // only a started consumer is asked for its container: asking a stopped one would make it create one
        if (route == null || !(route.getConsumer() instanceof JmsConsumer consumer) || !consumer.isStarted()) {
            return false;
        }
        try {
            return consumer.getListenerContainer() instanceof DefaultMessageListenerContainer container
                    && container.isRunning() && container.isRegisteredWithDestination();
        } catch (Exception e) {
            return false;
        }
    }
}
