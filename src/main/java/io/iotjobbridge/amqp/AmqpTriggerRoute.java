package io.iotjobbridge.amqp;

import org.apache.camel.builder.RouteBuilder;

/**
 * The AMQP request trigger in Java DSL: the same route as {@code routes/trigger-amqp.camel.yaml}, for users who
 * prefer Java. Not loaded by default; add it with {@code camel.main.routes-builder-classes} (and leave the YAML one
 * out of {@code camel.main.routes-include-pattern}) to use it instead.
 */
public final class AmqpTriggerRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("amqp:queue:{{bridge.amqp.requests}}"
                // acknowledged when the route completes, i.e. after the job is committed; a failure rolls back.
                // A broker without AMQP transactions gets client acknowledgement instead (bridge.amqp.transacted)
                + "?transacted={{bridge.amqp.transacted}}&acknowledgementModeName=CLIENT_ACKNOWLEDGE"
                // keep each consumer's link open between messages: with a transaction Spring would otherwise open
                // a new session and consumer for every receive, about one message a second per consumer
                + "&cacheLevelName=CACHE_CONSUMER"
                // the raw JMS message reaches the Java core, which reads only text and bytes bodies
                + "&mapJmsMessage=false"
                // replies are sent when the job finishes, not when the request is taken
                + "&disableReplyTo=true"
                + "&concurrentConsumers={{bridge.amqp.consumers}}"
                // how soon a consumer that lost its broker tries again
                + "&recoveryInterval={{bridge.amqp.recovery-ms}}")
                .routeId("trigger-amqp").routeConfigurationId("triggerErrors")
                .autoStartup("{{bridge.amqp.enabled}}")
                .to("direct:amqp-request");
    }
}
