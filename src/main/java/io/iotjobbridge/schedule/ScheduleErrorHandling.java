package io.iotjobbridge.schedule;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the schedule routes, referenced by id ({@value ScheduleRoutes#ERRORS}). A tick that fails (ledger
 * unreachable) changes nothing it has not committed: its due fires are still due at the next tick.
 */
public final class ScheduleErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration(ScheduleRoutes.ERRORS)
                .onException(Exception.class).handled(true).logExhausted(false)
                .log(LoggingLevel.ERROR, "${routeId}: tick failed: ${exception.message}; its due fires are tried again"
                        + " at the next tick");
    }
}
