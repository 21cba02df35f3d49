package io.iotjobbridge.amqp;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The request trigger's header filter: no property of an incoming message becomes a Camel header, whatever its
 * name or letter case ({@code CamelFileName}, {@code cAmElHttpUri}, …). Camel 4.18.0's own JMS filter compares
 * case-sensitively (the header-injection advisories fixed upstream later); an empty allow-list needs no comparing.
 */
final class NoIncomingHeaders implements HeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
