package io.iotjobbridge.destination;

import java.io.IOException;
import java.time.Clock;

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

    /** @throws VendorException when the download fails, classified so the engine retries or fails the job */
    public DeliveredFile deliver(JobRecord job, ResultFile file, Destination destination) throws VendorException {
        String target = targetName(job, file, destination);
        try (ResultContent content = file.open()) {
            DigestingInputStream counted = new DigestingInputStream(content.body());
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
}
