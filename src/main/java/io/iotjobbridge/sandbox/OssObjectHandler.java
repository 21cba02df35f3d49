package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every simulated OSS object link has in common: an {@code x-oss-request-id} on the reply, a body that is
 * drained but never read, GET only, the link's signature and expiry checked, and a refusal in OSS's own error shape,
 * counted in the stats. Subclasses decide only, for a valid link, whether to serve the object or which refusal to
 * send.
 */
abstract class OssObjectHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OssObjectHandler.class);

    final StatsRecorder stats;
    private final DownloadUrlSigner urlSigner;
    private final Clock clock;

    OssObjectHandler(StatsRecorder stats, DownloadUrlSigner urlSigner, Clock clock) {
        this.stats = stats;
        this.urlSigner = urlSigner;
        this.clock = clock;
    }

    /**
     * Serves the object at {@code rawPath}, whose link is valid at {@code now}, and returns empty, or returns the
     * refusal to send instead.
     */
    abstract Optional<OssError> serveOrRefuse(HttpExchange exchange, String rawPath, Instant now) throws IOException;

    private Optional<OssError> checkLinkThenServe(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return Optional.of(OssError.methodNotAllowed());
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Instant now = clock.instant();
        Optional<OssError> linkRefusal = urlSigner.refusal(rawPath, exchange.getRequestURI().getRawQuery(), now);
        return linkRefusal.isPresent() ? linkRefusal : serveOrRefuse(exchange, rawPath, now);
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        String requestId = HttpReplies.newRequestId();
        exchange.getResponseHeaders().set("x-oss-request-id", requestId);
        try {
            // drain without buffering: these endpoints take no body, whatever a client sends
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Optional<OssError> refusal = checkLinkThenServe(exchange);
            if (refusal.isPresent()) {
                OssError error = refusal.get();
                stats.rejection(error.code());
                LOG.debug("{} {} refused: {}", exchange.getRequestURI().getRawPath(), requestId, error.code());
                error.send(exchange, requestId);
            }
        } catch (IOException clientWentAway) {
            // a client may stop reading half way through a large file; that is its right, not a sandbox fault
            LOG.debug("Object request {} ended early: {}", requestId, clientWentAway.toString());
        } finally {
            exchange.close();
        }
    }
}
