package io.iotjobbridge.amqp;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.main.MainListenerSupport;

/**
 * Leaves the packaged AMQP trigger route out when {@code bridge.amqp.enabled} is false. The route's
 * {@code autoStartup} alone is not enough: Camel still initialises a route it does not start, and the JMS consumer
 * refuses to initialise without the connection factory that only an enabled AMQP side provides.
 */
public final class AmqpTriggerSwitch extends MainListenerSupport {

    /** Camel matches exclusions against the path without its scheme; a user's route file of that name goes too. */
    static final String PACKAGED_ROUTE = "**/trigger-amqp.camel.yaml";

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        boolean enabled = main.getCamelContext().getPropertiesComponent().resolveProperty("bridge.amqp.enabled")
                .map(value -> Boolean.parseBoolean(value.strip())).orElse(true);
        if (!enabled) {
            MainConfigurationProperties configuration = main.configure();
            String excluded = configuration.getRoutesExcludePattern();
            configuration.setRoutesExcludePattern(excluded == null || excluded.isBlank() ? PACKAGED_ROUTE
                    : excluded + "," + PACKAGED_ROUTE);
        }
    }
}
