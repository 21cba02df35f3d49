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

    DistributeResultHandler(DistributeJobRegistry registry, DownloadUrlSigner urlSigner, Clock clock,
                            StatsRecorder stats) {
        super(stats, urlSigner, clock);
        this.registry = registry;
    }

    static String objectPath(DistributeJob job) {
        return CONTEXT + job.jobId() + FILE_NAME;
    }

    @Override
    Optional<OssError> serveOrRefuse(HttpExchange exchange, String rawPath, Instant now) throws IOException {
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
