package io.iotjobbridge.destination;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Streams one result file to a destination endpoint: the bytes flow through once, in constant
 * memory, are counted and hashed on the way, and land under a temporary name that is renamed only when complete.
 */
public final class Delivery {

    /** How far into a file the mid-download crash point lets a copy get. */
    private static final long MID_DOWNLOAD_BYTES = 64 * 1024;

    private final ProducerTemplate producer;
    private final Clock clock;

    public Delivery(ProducerTemplate producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** Where {@code file} lands at {@code destination}: the destination's template over a sanitised name. */
    public String targetName(JobRecord job, ResultFile file, Destination destination) {
        return destination.fileName().render(job, SafeNames.fileName(file.fileName()));
    }

    /**
     * Delivers {@code file}, or adopts an identical copy an interrupted earlier attempt left at the destination (it
     * was renamed into place but not yet recorded).
     *
     * @throws VendorException when the download fails, classified so the engine retries or fails the job
     */
    public DeliveredFile deliver(JobRecord job, ResultFile file, Destination destination) throws VendorException {
        String target = targetName(job, file, destination);
        Optional<Path> existing = destination.localFile(target).filter(Files::isRegularFile);
        if (existing.isPresent()) {
            return adoptExisting(file, destination, target, existing.get());
        }
        try (ResultContent content = file.open()) {
            DigestingInputStream counted = new DigestingInputStream(
                    CrashPoints.reachWhileReading(content.body(), CrashPoints.MID_DOWNLOAD, MID_DOWNLOAD_BYTES));
            Exchange result = producer.send(destination.endpointUri(), exchange -> {
                exchange.getIn().setHeader(Exchange.FILE_NAME, target);
                exchange.getIn().setBody(counted);
            });
            if (result.getException() != null) {
                throw VendorException.retryable("DeliveryFailed", "could not write " + target + " to destination "
                        + destination.name() + ": " + Failures.describe(result.getException()),
                        result.getException());
            }
            if (content.length() >= 0 && content.length() != counted.count()) {
                throw VendorException.retryable("TruncatedDownload", "received " + counted.count() + " of "
                        + content.length() + " bytes of " + file);
            }
            return new DeliveredFile(target, destination.name() + ":" + target, counted.count(),
                    counted.sha256Hex(), clock.instant());
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " while copying " + file, e);
        }
    }

    /**
     * A file by this name is already there. Only this job writes this name, so it is an earlier attempt's complete
     * copy (partial copies never carry the final name) -- unless someone else put it there: the content is
     * fetched again and compared, and a different file is never overwritten.
     */
    private DeliveredFile adoptExisting(ResultFile file, Destination destination, String target, Path existing)
            throws VendorException {
        try (ResultContent content = file.open();
             DigestingInputStream fresh = new DigestingInputStream(content.body());
             DigestingInputStream present = new DigestingInputStream(Files.newInputStream(existing))) {
            fresh.transferTo(OutputStream.nullOutputStream());
            present.transferTo(OutputStream.nullOutputStream());
            if (!fresh.sha256Hex().equals(present.sha256Hex())) {
                throw VendorException.permanent("DestinationFileExists", "a different file already exists at "
                        + destination.name() + ":" + target + "; it is left untouched");
            }
            return new DeliveredFile(target, destination.name() + ":" + target, present.count(),
                    present.sha256Hex(), clock.instant());
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " while comparing " + file
                    + " with the copy already at " + destination.name() + ":" + target, e);
        }
    }
}
