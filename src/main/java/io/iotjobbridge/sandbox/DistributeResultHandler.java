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
 * Stands in for the OSS object behind QueryDeviceDistributeDetail's {@code File}: checks the link's signature and
 * expiry as OSS does, then serves the job's small result file. Unlike CsvUrl, the vendor documents no fetch limit.
 */
final class DistributeResultHandler implements HttpHandler {

    static final String CONTEXT = "/oss/device-distribute/";

    private static final Logger LOG = LoggerFactory.getLogger(DistributeResultHandler.class);
    private static final String FILE_NAME = "/result.csv";

    private final DistributeJobRegistry registry;
    private final DownloadUrlSigner urlSigner;
    private final Clock clock;
    private final StatsRecorder stats;

    DistributeResultHandler(DistributeJobRegistry registry, DownloadUrlSigner urlSigner, Clock clock,
                            StatsRecorder stats) {
        this.registry = registry;
        this.urlSigner = urlSigner;
        this.clock = clock;
        this.stats = stats;
    }

    static String objectPath(DistributeJob job) {
        return CONTEXT + job.jobId() + FILE_NAME;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = HttpReplies.newRequestId();
        exchange.getResponseHeaders().set("x-oss-request-id", requestId);
        try {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Optional<OssError> refusal = serveOrRefuse(exchange);
            if (refusal.isPresent()) {
                stats.rejection(refusal.get().code());
                LOG.debug("Distribution result {} refused: {}", requestId, refusal.get().code());
                refusal.get().send(exchange, requestId);
            }
        } finally {
            exchange.close();
        }
    }

    private Optional<OssError> serveOrRefuse(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return Optional.of(OssError.methodNotAllowed());
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Instant now = clock.instant();
        Optional<OssError> linkRefusal = urlSigner.refusal(rawPath, exchange.getRequestURI().getRawQuery(), now);
        if (linkRefusal.isPresent()) {
            return linkRefusal;
        }
        Optional<DistributeJob> job = jobAt(rawPath).filter(j -> j.statusAt(now).isOver());
        if (job.isEmpty()) {
            return Optional.of(OssError.noSuchKey());
        }
        HttpReplies.send(exchange, 200, DistributeResultFile.CONTENT_TYPE, DistributeResultFile.of(job.get()));
        return Optional.empty();
    }

    private Optional<DistributeJob> jobAt(String rawPath) {
        if (rawPath.length() <= CONTEXT.length() + FILE_NAME.length()
                || !rawPath.startsWith(CONTEXT) || !rawPath.endsWith(FILE_NAME)) {
            return Optional.empty();
        }
        String jobId = rawPath.substring(CONTEXT.length(), rawPath.length() - FILE_NAME.length());
        return registry.byId(jobId).filter(j -> objectPath(j).equals(rawPath));
    }
}
