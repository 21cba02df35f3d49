package io.iotjobbridge.destination;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.StreamedReply;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.RemoteFile;
import io.iotjobbridge.vendor.VendorException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Streams one result file from its vendor URL to a destination endpoint: the bytes flow through once, in constant
 * memory, are counted and hashed on the way, and land under a temporary name that is renamed only when complete.
 */
public final class Delivery {

    private final ProducerTemplate producer;
    private final HttpTransport http;
    private final Clock clock;

    public Delivery(ProducerTemplate producer, HttpTransport http, Clock clock) {
        this.producer = producer;
        this.http = http;
        this.clock = clock;
    }

    /** @throws VendorException when the download fails, classified so the engine retries or fails the job */
    public DeliveredFile deliver(JobRecord job, RemoteFile file, Destination destination) throws VendorException {
        String target = destination.fileName().render(job, SafeNames.fileName(file.fileName()));
        StreamedReply reply = open(file);
        try (InputStream body = reply.body()) {
            if (reply.status() != 200) {
                throw refusedDownload(reply.status(), file);
            }
            DigestingInputStream counted = new DigestingInputStream(body);
            Exchange result = producer.send(destination.endpointUri(), exchange -> {
                exchange.getIn().setHeader(Exchange.FILE_NAME, target);
                exchange.getIn().setBody(counted);
            });
            if (result.getException() != null) {
                throw VendorException.retryable("DeliveryFailed", "could not write " + target + " to destination "
                        + destination.name() + ": " + describe(result.getException()), result.getException());
            }
            if (reply.contentLength() >= 0 && reply.contentLength() != counted.count()) {
                throw VendorException.retryable("TruncatedDownload", "received " + counted.count() + " of "
                        + reply.contentLength() + " bytes from " + file.url().getHost());
            }
            return new DeliveredFile(target, destination.name() + ":" + target, counted.count(),
                    counted.sha256Hex(), clock.instant());
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", describe(e) + " while downloading from "
                    + file.url().getHost(), e);
        }
    }

    private StreamedReply open(RemoteFile file) throws VendorException {
        try {
            return http.open(file.url());
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", describe(e) + " connecting to " + file.url().getHost(), e);
        }
    }

    private static VendorException refusedDownload(int status, RemoteFile file) {
        String message = "HTTP " + status + " downloading from " + file.url().getHost();
        // 403: the signed URL expired or its fetch count is used up; a fresh URL is asked for on the next attempt
        return status == 403 || status == 404 || status == 429 || status >= 500
                ? VendorException.retryable("DownloadRefused", message)
                : VendorException.permanent("DownloadRefused", message);
    }

    /** Exception text without anything a URL could leak: the class name and the first line of the message. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        int query = message.indexOf('?');
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + (query >= 0
                ? message.substring(0, query) : message) + ")");
    }
}
