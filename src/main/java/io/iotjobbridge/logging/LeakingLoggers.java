package io.iotjobbridge.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Holds the libraries' loggers that print credentials at their detailed levels to a level at which they do not,
 * whatever level a logback configuration or a management tool sets them to. It is a turbo filter, decided before any
 * level or appender, so neither a {@code logback.xml} of the operator's own nor a root logger at TRACE lets through
 * what these loggers would print:
 * <ul>
 *   <li>Apache HttpClient 5's {@code wire} and {@code headers} loggers print every request line (the signed query of a
 *       download URL), every header ({@code Authorization}) and every body (vendor answers carrying signed URLs);
 *       its other loggers print the request line at DEBUG;</li>
 *   <li>camel-http's producer prints the URL it calls, signed query included, at DEBUG;</li>
 *   <li>Camel's property placeholder resolution prints each resolved value (access key secrets, passwords) at DEBUG
 *       and TRACE;</li>
 *   <li>Camel's endpoint creation prints the endpoint URI with its parameters (a destination's password) at TRACE.</li>
 * </ul>
 */
public final class LeakingLoggers extends TurboFilter {

    /** Logger name (or prefix, at a dot) to the least severe level it may log at; the longest match wins. */
    private static final Map<String, Level> LOWEST_ALLOWED = new LinkedHashMap<>();

    static {
        LOWEST_ALLOWED.put("org.apache.hc.client5.http.wire", Level.OFF);
        LOWEST_ALLOWED.put("org.apache.hc.client5.http.headers", Level.OFF);
        LOWEST_ALLOWED.put("org.apache.hc", Level.INFO);
        LOWEST_ALLOWED.put("org.apache.camel.component.http", Level.INFO);
        LOWEST_ALLOWED.put("org.apache.camel.component.properties", Level.INFO);
        LOWEST_ALLOWED.put("org.apache.camel.impl.engine.AbstractCamelContext", Level.DEBUG);
        LOWEST_ALLOWED.put("org.apache.camel.support.EndpointHelper", Level.DEBUG);
        LOWEST_ALLOWED.put("org.apache.camel.support.DefaultComponent", Level.DEBUG);
    }

    // decide() runs for every logging call, enabled or not: each logger name is matched once
    private final Map<String, Optional<Level>> byLogger = new ConcurrentHashMap<>();

    private LeakingLoggers() {
        setName("iot-job-bridge-leaking-loggers");
    }

    /**
     * Adds the filter to logback's context, once; does nothing when SLF4J is bound to another backend (whose own
     * configuration must then hold these loggers back).
     */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            boolean present = context.getTurboFilterList().stream().anyMatch(LeakingLoggers.class::isInstance);
            if (!present) {
                LeakingLoggers filter = new LeakingLoggers();
                filter.setContext(context);
                filter.start();
                context.addTurboFilter(filter);
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger == null || level == null) {
            return FilterReply.NEUTRAL;
        }
        Optional<Level> lowest = byLogger.computeIfAbsent(logger.getName(),
                name -> Optional.ofNullable(lowestAllowed(name)));
        return lowest.isPresent() && !level.isGreaterOrEqual(lowest.get()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static Level lowestAllowed(String loggerName) {
        Level found = null;
        int matched = -1;
        for (Map.Entry<String, Level> cap : LOWEST_ALLOWED.entrySet()) {
            String prefix = cap.getKey();
            boolean matches = loggerName.equals(prefix) || loggerName.startsWith(prefix + ".");
            if (matches && prefix.length() > matched) {
                found = cap.getValue();
                matched = prefix.length();
            }
        }
        return found;
    }
}
