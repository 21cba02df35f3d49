package io.iotjobbridge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Serves the dashboard: one static page and its script and style sheet from {@code dashboard/} on the classpath, on
 * the operations server. The files are open (they hold no data); the page's script fetches the status API, which
 * asks for the token itself.
 */
public final class DashboardRoutes extends RouteBuilder {

    /** What the page may load: only its own files, so an injected value could neither run nor fetch anything. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'";

    /** One file of the page: the path it is served at, where it lies on the classpath, and its media type. */
    record Asset(String path, String resource, String contentType) {

        String routeId() {
            return "dashboard-" + resource.substring(resource.lastIndexOf('/') + 1).replace('.', '-');
        }

        byte[] read() {
            try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard file " + resource + " is missing from the jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the dashboard file " + resource, e);
            }
        }
    }

    static final List<Asset> ASSETS = List.of(
            new Asset("/", "dashboard/index.html", "text/html; charset=utf-8"),
            new Asset("/dashboard.js", "dashboard/dashboard.js", "text/javascript; charset=utf-8"),
            new Asset("/dashboard.css", "dashboard/dashboard.css", "text/css; charset=utf-8"));

    @Override
    public void configure() {
        for (Asset asset : ASSETS) {
            // read once at start: the files are part of the jar and never change while it runs
            byte[] content = asset.read();
            PlatformHttpEndpoint endpoint = endpoint("platform-http:" + asset.path() + "?httpMethodRestrict=GET",
                    PlatformHttpEndpoint.class);
            endpoint.setHeaderFilterStrategy(pageHeaders());
            from(endpoint)
                    .routeId(asset.routeId())
                    .process(exchange -> answer(exchange.getMessage(), asset.contentType(), content));
        }
    }

    /** Camel's HTTP header filter, except that it lets Cache-Control out, which HTTP components drop by default. */
    private static HttpHeaderFilterStrategy pageHeaders() {
        HttpHeaderFilterStrategy headers = new HttpHeaderFilterStrategy();
        headers.getOutFilter().removeIf(name -> name.equalsIgnoreCase("cache-control"));
        return headers;
    }

    private static void answer(Message message, String contentType, byte[] content) {
        // platform-http would send the request's headers back as response headers (an Authorization among them)
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        // the page is small and changes with each release; a stale copy would talk to a newer API
        message.setHeader("Cache-Control", "no-store");
        message.setBody(content);
    }
}
