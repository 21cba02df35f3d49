package io.iotjobbridge.destination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.VendorException;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one result file to a destination endpoint: the bytes flow through once, in constant
 * memory, are counted and hashed on the way, and land under a temporary name that is renamed only when complete.
 * Error messages name the destination, never its URI: the URI may carry a password.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** How far into a file the mid-download crash point lets a copy get. */
    private static final long MID_DOWNLOAD_BYTES = 64 * 1024;

    private final ProducerTemplate producer;
    private final ConsumerTemplate consumer;
    private final Path readBackDir;
    private final Clock clock;

    /**
     * @param consumer    reads back a file an FTP/SFTP destination refused to overwrite, to compare it
     * @param readBackDir where such a file is spooled while it is compared (it is removed afterwards)
     */
    public Delivery(ProducerTemplate producer, ConsumerTemplate consumer, Path readBackDir, Clock clock) {
        this.producer = producer;
        this.consumer = consumer;
        this.readBackDir = readBackDir;
        this.clock = clock;
    }

    /** Where {@code file} lands at {@code destination}: the destination's template over a sanitised name. */
    public String targetName(JobRecord job, ResultFile file, Destination destination) {
        String name = SafeNames.fileName(file.fileName());
        // the manifest's name belongs to the bridge: a result file that happens to carry it moves aside
        return destination.fileName().render(job, name.equalsIgnoreCase(Manifest.FILE_NAME) ? "result-" + name : name);
    }

    /** Where the job's manifest lands: the destination's template with {@link Manifest#FILE_NAME} as the file name. */
    public String manifestName(JobRecord job, Destination destination) {
        return destination.fileName().render(job, Manifest.FILE_NAME);
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
            Exchange result = send(destination.endpointUri(), target, counted);
            if (result.getException() != null) {
                return adoptAfterRefusal(destination, target, counted, result.getException());
            }
            if (content.length() >= 0 && content.length() != counted.count()) {
                throw VendorException.retryable("TruncatedDownload", "received " + counted.count() + " of "
                        + content.length() + " bytes of " + file);
            }
            return delivered(destination, target, counted);
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " while copying " + file, e);
        }
    }

    /**
     * Writes the job's manifest. Its content is a function of the ledger, so a manifest an interrupted attempt
     * already wrote is either byte-identical (left as it is, where the bridge can read it) or replaced by the same
     * bytes through the same temporary-name-then-rename write.
     */
    public DeliveredFile deliverManifest(JobRecord job, Destination destination, Manifest manifest)
            throws VendorException {
        String target = manifestName(job, destination);
        byte[] json = manifest.toJson();
        DigestingInputStream counted = new DigestingInputStream(new ByteArrayInputStream(json));
        Optional<Path> existing = destination.localFile(target).filter(Files::isRegularFile);
        try {
            if (existing.isPresent() && Arrays.equals(Files.readAllBytes(existing.get()), json)) {
                counted.transferTo(OutputStream.nullOutputStream());
                return delivered(destination, target, counted);
            }
        } catch (IOException e) {
            LOG.warn("job {}: the manifest already at {}:{} could not be read ({}); it is written again", job.id(),
                    destination.name(), target, Failures.describe(e));
        }
        if (existing.isPresent()) {
            LOG.warn("job {}: a different manifest at {}:{} is replaced with the ledger's", job.id(),
                    destination.name(), target);
        }
        Exchange result = send(destination.overwritingUri(), target, counted);
        if (result.getException() != null) {
            throw VendorException.retryable("DeliveryFailed", "could not write manifest " + target
                    + " to destination " + destination.name() + ": " + Failures.describe(result.getException()),
                    result.getException());
        }
        return delivered(destination, target, counted);
    }

    private Exchange send(String endpointUri, String target, InputStream body) {
        return producer.send(endpointUri, exchange -> {
            exchange.getIn().setHeader(Exchange.FILE_NAME, target);
            exchange.getIn().setBody(body);
        });
    }

    private DeliveredFile delivered(Destination destination, String target, DigestingInputStream counted) {
        return new DeliveredFile(target, destination.name() + ":" + target, counted.count(), counted.sha256Hex(),
                clock.instant());
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
             InputStream present = Files.newInputStream(existing)) {
            fresh.transferTo(OutputStream.nullOutputStream());
            return compared(destination, target, fresh.sha256Hex(), present);
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " while comparing " + file
                    + " with the copy already at " + destination.name() + ":" + target, e);
        }
    }

    /**
     * The destination refused the write. On FTP/SFTP that is what an earlier attempt's complete copy causes
     * ({@code fileExist=Fail}), so the file is read back and adopted when it holds the vendor's bytes: the rest of
     * the vendor stream (whatever the producer did not read) is hashed to finish the vendor's digest. Anything else,
     * or a destination the bridge cannot read back, is the original failure, retried.
     */
    private DeliveredFile adoptAfterRefusal(Destination destination, String target, DigestingInputStream vendor,
                                            Exception refusal) throws VendorException, IOException {
        Exchange present = destination.readBackUri(target, readBackDir).map(this::readBack).orElse(null);
        if (present == null) {
            throw VendorException.retryable("DeliveryFailed", "could not write " + target + " to destination "
                    + destination.name() + ": " + Failures.describe(refusal), refusal);
        }
        try (InputStream existing = present.getMessage().getMandatoryBody(InputStream.class)) {
            vendor.transferTo(OutputStream.nullOutputStream());
            return compared(destination, target, vendor.sha256Hex(), existing);
        } catch (InvalidPayloadException e) {
            throw VendorException.retryable("DeliveryFailed", "could not read back " + target + " from destination "
                    + destination.name(), e);
        } finally {
            // completes the read-back's unit of work: its spooled local copy is removed (noop leaves the remote file)
            consumer.doneUoW(present);
        }
    }

    private Exchange readBack(String uri) {
        try {
            return consumer.receiveNoWait(uri);
        } catch (RuntimeException e) {
            LOG.debug("read-back failed: {}", Failures.describe(e));
            return null;
        }
    }

    private DeliveredFile compared(Destination destination, String target, String expectedSha256,
                                   InputStream present) throws VendorException, IOException {
        DigestingInputStream there = new DigestingInputStream(present);
        there.transferTo(OutputStream.nullOutputStream());
        if (!expectedSha256.equals(there.sha256Hex())) {
            throw VendorException.permanent("DestinationFileExists", "a different file already exists at "
                    + destination.name() + ":" + target + "; it is left untouched");
        }
        LOG.info("{}:{} was already delivered by an interrupted attempt; adopted ({} bytes, sha256 {})",
                destination.name(), target, there.count(), there.sha256Hex());
        return new DeliveredFile(target, destination.name() + ":" + target, there.count(), there.sha256Hex(),
                clock.instant());
    }
}
