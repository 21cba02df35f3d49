package io.iotjobbridge.amqp;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.amqp.AMQPComponent;

/**
 * The Java side of the AMQP request trigger: the {@code amqp} component the YAML route
 * ({@code routes/trigger-amqp.camel.yaml}) consumes with, and {@code direct:amqp-request}, where each message is
 * taken into the ledger inside the consumer's transaction.
 */
public final class AmqpTriggerRoutes extends RouteBuilder {

    public static final String COMPONENT = "amqp";

    private final AmqpConnection connection;
    private final RequestMessages requests;

    public AmqpTriggerRoutes(AmqpConnection connection, RequestMessages requests) {
        this.connection = connection;
        this.requests = requests;
    }

    @Override
    public void configure() {
        AMQPComponent amqp = new AMQPComponent(connection.forConsumers());
        amqp.setHeaderFilterStrategy(new NoIncomingHeaders());
        getContext().addComponent(COMPONENT, amqp);

        from("direct:amqp-request").routeId("amqp-request")
                .process(requests).id("amqp-request-intake");
    }
}
