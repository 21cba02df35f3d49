package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import io.iotjobbridge.sandbox.fault.Fault;
import io.iotjobbridge.sandbox.fault.FaultKind;
import io.iotjobbridge.sandbox.fault.FaultTarget;
import io.iotjobbridge.sandbox.fault.Faults;
import io.iotjobbridge.vendor.SignatureEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the OSS bucket behind {@code CsvUrl}: checks the link's signature, expiry and the daily fetch limit,
 * then streams the job's synthetic CSV with a fixed Content-Length and a small buffer, whatever the file's size.
 */
final class OssDownloadHandler extends OssObjectHandler {

    static final String CONTEXT = "/oss/";
    static final String PREFIX = "/oss/data/download/";

    private static final Logger LOG = LoggerFactory.getLogger(OssDownloadHandler.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final DownloadJobRegistry registry;
    private final SandboxSettings settings;
    private final Faults faults;

    OssDownloadHandler(DownloadJobRegistry registry, DownloadUrlSigner urlSigner, SandboxSettings settings,
                       Clock clock, StatsRecorder stats, Faults faults) {
        super(stats, urlSigner, clock);
        this.registry = registry;
        this.settings = settings;
        this.faults = faults;
    }

    /** The object's path as signed and requested: its name percent-encoded so it stays one path segment. */
    static String objectPath(DownloadJob job) {
        return PREFIX + job.longJobId() + "/" + SignatureEncoding.percentEncode(job.csvFileName());
    }

    @Override
    Optional<OssError> serveOrRefuse(HttpExchange exchange, String rawPath, Instant now) throws IOException {
        Optional<DownloadJob> job = jobAt(rawPath, now);
        if (job.isEmpty()) {
            return Optional.of(OssError.noSuchKey());
        }
        FaultKind kind = faults.next(FaultTarget.ALIYUN, FaultTarget.CSV_DOWNLOAD).map(Fault::kind)
                .orElse(FaultKind.OK);
        switch (kind) {
            case EXPIRE_URL -> {
                return Optional.of(OssError.expired());
            }
            case HTTP_500 -> {
                return Optional.of(OssError.internalError());
            }
            case HTTP_503 -> {
                return Optional.of(OssError.serviceUnavailable());
            }
            case RESET -> {
                // nothing sent: closing the exchange drops the connection
                return Optional.empty();
            }
            default -> {
                // served, perhaps cut short below
            }
        }
        if (!registry.tryRecordFetch(job.get().longJobId(), VendorCalendar.dayOf(now), settings.urlFetchLimit())) {
            return Optional.of(OssError.fetchLimitReached());
        }
        serve(exchange, job.get(), kind);
        return Optional.empty();
    }

    /** The succeeded job whose object lives at exactly this path. */
    private Optional<DownloadJob> jobAt(String rawPath, Instant now) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = rawPath.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        return registry.find(rest.substring(0, slash))
                .filter(j -> objectPath(j).equals(rawPath))
                .filter(j -> j.statusAt(now) == JobStatus.SUCCEEDED);
    }

    /** Serves the whole file, or under a stall or truncation fault its first half and then nothing more. */
    private void serve(HttpExchange exchange, DownloadJob job, FaultKind fault) throws IOException {
        long size = settings.csvBytes();
        boolean cutShort = fault == FaultKind.STALL || fault == FaultKind.TRUNCATED;
        long sending = cutShort ? size / 2 : size;
        stats.downloadStarted();
        exchange.getResponseHeaders().set("Content-Type", "text/csv");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + job.csvFileName() + "\"");
        // identifies the content (seed and size), not a hash of the bytes, which would mean reading the file twice
        exchange.getResponseHeaders().set("ETag", "\"" + SignatureEncoding.sha256Hex(
                (job.longJobId() + ":" + size).getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"");
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        if (size == 0) {
            return;
        }
        long written = 0;
        try (InputStream csv = SyntheticCsv.open(job.longJobId(), size);
             OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            int n;
            while (written < sending && (n = csv.read(buffer, 0, (int) Math.min(buffer.length, sending - written)))
                    > 0) {
                out.write(buffer, 0, n);
                written += n;
            }
            if (fault == FaultKind.STALL) {
                out.flush();
                faults.stall();
            }
            // a cut-short body ends here: closing short of Content-Length drops the connection
        } finally {
            stats.downloadBytes(written);
        }
        LOG.debug("Served {} bytes of job {}", written, job.longJobId());
    }
}
