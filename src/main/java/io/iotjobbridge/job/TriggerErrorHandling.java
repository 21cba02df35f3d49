package io.iotjobbridge.job;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling shared by the trigger routes, referenced by id ({@code routeConfigurationId: triggerErrors}).
 * A request that is invalid never gets here: intake settles it. What gets here is the bridge failing to take a
 * request (ledger unreachable, disk full); the input stays where it is and is tried again, never archived as done.
 */
public final class TriggerErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("triggerErrors")
                .onException(Exception.class).handled(false).logExhausted(false)
                .log(LoggingLevel.ERROR, "could not take request ${exchangeProperty.requestSource}: "
                        + "${exception.message}; it stays where it is and is tried again");
    }
}
