package io.iotjobbridge.push;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The only message properties a pushed message may bring into the route: {@code topic}, {@code messageId} and
 * {@code generateTime}, compared without regard to letter case. Everything else is dropped, above all anything named
 * like a Camel header ({@code CamelFileName}, {@code camelExecCommandExecutable}, in any case): whoever can put a
 * message on a vendor queue must not steer what Camel does with it (the header-injection advisories of Camel 4.x).
 * Applied twice: as the component's filter, so other properties never become headers, and as the route's first step,
 * which also drops the JMS headers ({@code JMSReplyTo}, {@code JMSType}, …) the component adds unfiltered.
 */
final class PushHeaders implements HeaderFilterStrategy {

    static final PushHeaders FILTER = new PushHeaders();
    private static final Set<String> ALLOWED = Set.of("topic", "messageid", "generatetime");

    private PushHeaders() {
    }

    static boolean isAllowed(String name) {
        return name != null && ALLOWED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The route step: removes every header that is not allowed. */
    static void keepAllowed(Exchange exchange) {
        Message message = exchange.getMessage();
        message.getHeaders().keySet().removeIf(name -> !isAllowed(name));
    }

    /** Outgoing: nothing is ever sent from these routes, and nothing would carry a header if it were. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    /** Incoming: true drops the property. */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !isAllowed(headerName);
    }
}
