package io.iotjobbridge.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Producer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.DefaultExchange;

/**
 * {@link HttpTransport} over camel-http. Each call is a fresh exchange that carries only the headers the caller
 * signed, so nothing a request or a message brought along can reach the vendor (or redirect the call). One endpoint
 * per origin keeps the endpoint registry bounded however many signed URLs pass through.
 */
public final class CamelHttpTransport implements HttpTransport, AutoCloseable {

    private final CamelContext context;
    private final String endpointOptions;
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();

    public CamelHttpTransport(CamelContext context, Duration connectTimeout, Duration readTimeout) {
        this.context = context;
        // never follow redirects: a download URL is validated before use, and a redirect would escape that check
        // no cookies kept between calls; cookieManagementDisabled is a component option in Camel 4.18, and as an
        // endpoint option it was passed on as a query parameter of every call that had no query of its own
        this.endpointOptions = "?throwExceptionOnFailure=false&disableStreamCache=true&followRedirects=false"
                + "&cookieStore=#class:org.apache.camel.component.http.NoopCookieStore"
                + "&httpClientConfigurer=#class:" + NoAutomaticRetries.class.getName()
                + "&connectTimeout=" + connectTimeout.toMillis()
                + "&connectionRequestTimeout=" + connectTimeout.toMillis()
                + "&responseTimeout=" + readTimeout.toMillis()
                + "&soTimeout=" + readTimeout.toMillis();
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        Exchange reply = exchange(call);
        try (InputStream body = reply.getMessage().getBody(InputStream.class)) {
            return new HttpReply(status(reply), body == null ? new byte[0] : body.readAllBytes(),
                    responseHeaders(call, reply));
        }
    }

    @Override
    public StreamedReply open(HttpCall call) throws IOException {
        Exchange reply = exchange(call);
        InputStream body = reply.getMessage().getBody(InputStream.class);
        Long length = reply.getMessage().getHeader("Content-Length", Long.class);
        return new StreamedReply(status(reply), length == null ? -1 : length,
                body == null ? InputStream.nullInputStream() : body, responseHeaders(call, reply));
    }

    private Exchange exchange(HttpCall call) throws IOException {
        Exchange exchange = new DefaultExchange(context, ExchangePattern.InOut);
        call.headers().forEach(exchange.getIn()::setHeader);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, call.method());
        exchange.getIn().setHeader(Exchange.HTTP_PATH, call.rawPath() == null ? "" : call.rawPath());
        if (call.rawQuery() != null && !call.rawQuery().isEmpty()) {
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, call.rawQuery());
        }
        exchange.getIn().setBody(call.body().length == 0 && "GET".equals(call.method()) ? null : call.body());
        try {
            producerFor(call.origin()).process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            Exception cause = exchange.getException();
            throw cause instanceof IOException io ? io : new IOException(cause.getClass().getSimpleName()
                    + " calling " + call.origin().getHost(), cause);
        }
        return exchange;
    }

    /**
     * The producer is called directly, outside a unit of work: a unit of work would close the response stream when
     * it completes, before the caller has read the body it is streaming.
     */
    private Producer producerFor(URI origin) {
        return producers.computeIfAbsent(endpointUri(origin), uri -> {
            try {
                Producer created = context.getEndpoint(uri).createProducer();
                ServiceHelper.startService(created);
                return created;
            } catch (Exception e) {
                throw new IllegalStateException("cannot create an HTTP producer for " + origin.getHost(), e);
            }
        });
    }

    @Override
    public void close() {
        producers.values().forEach(ServiceHelper::stopAndShutdownService);
        producers.clear();
    }

    private String endpointUri(URI origin) {
        return origin.getScheme() + "://" + Origins.authority(origin) + endpointOptions;
    }

    /**
     * The headers the vendor sent back. camel-http copies the request's headers onto the reply message, so those (the
     * signature among them) and Camel's own are left out: only what the response itself carried is kept.
     */
    private static Map<String, String> responseHeaders(HttpCall call, Exchange reply) {
        Set<String> sent = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sent.addAll(call.headers().keySet());
        Map<String, String> headers = new HashMap<>();
        reply.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel") && !sent.contains(name)) {
                Object first = value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
                if (first != null) {
                    headers.put(name, String.valueOf(first));
                }
            }
        });
        return headers;
    }

    private static int status(Exchange reply) {
        Integer code = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return code == null ? 0 : code;
    }

}
