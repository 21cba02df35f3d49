package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * Stands in for the OSS object behind QueryDeviceDistributeDetail's {@code File}: checks the link's signature and
 * expiry as OSS does, then serves the job's small result file. Unlike CsvUrl, the vendor documents no fetch limit.
 */
final class DistributeResultHandler extends OssObjectHandler {

    static final String CONTEXT = "/oss/device-distribute/";

    private static final String FILE_NAME = "/result.csv";

    private final DistributeJobRegistry registry;
    private final DownloadUrlSigner urlSigner;
    private final Clock clock;

    DistributeResultHandler(DistributeJobRegistry registry, DownloadUrlSigner urlSigner, Clock clock,
                            StatsRecorder stats) {
        super(stats);
        this.registry = registry;
        this.urlSigner = urlSigner;
        this.clock = clock;
    }

    static String objectPath(DistributeJob job) {
        return CONTEXT + job.jobId() + FILE_NAME;
    }

    @Override
    Optional<OssError> serveOrRefuse(HttpExchange exchange) throws IOException {
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
