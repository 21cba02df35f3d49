package io.iotjobbridge.vendor;

import java.io.IOException;
import java.net.URI;

import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.StreamedReply;

/**
 * A result file a vendor offers at a (usually short-lived, signed) URL. The URL is fetched at once and never
 * stored; its query is a credential, so nothing here ever prints more than its host.
 */
public record RemoteFile(String fileName, URI url, HttpTransport http) implements ResultFile {

    @Override
    public ResultContent open() throws VendorException {
        StreamedReply reply;
        try {
            reply = http.open(url);
        } catch (IOException e) {
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " connecting to "
                    + url.getHost(), e);
        }
        if (reply.status() >= 300 && reply.status() < 400) {
            Failures.closeQuietly(reply.body());
            // the next hop was never checked against the download hosts, so it is not taken; only its host is named,
            // since a redirect to storage carries a signed query of its own
            String next = reply.header("Location").map(RemoteFile::hostOf).orElse("nowhere");
            throw VendorException.permanent("DownloadRedirected", "HTTP " + reply.status() + " from " + url.getHost()
                    + " redirects to " + next + "; redirects are not followed");
        }
        if (reply.status() != 200) {
            Failures.closeQuietly(reply.body());
            throw refused(reply.status());
        }
        return new ResultContent(reply.body(), reply.contentLength());
    }

    private VendorException refused(int status) {
        String message = "HTTP " + status + " downloading from " + url.getHost();
        // 403: the signed URL expired or its fetch count is used up; a fresh URL is asked for on the next attempt
        return status == 403 || status == 404 || status == 429 || status >= 500
                ? VendorException.retryable("DownloadRefused", message)
                : VendorException.permanent("DownloadRefused", message);
    }

    private static String hostOf(String location) {
        try {
            String host = URI.create(location.strip()).getHost();
            return host == null ? "a relative location" : host;
        } catch (IllegalArgumentException e) {
            return "an unreadable location";
        }
    }

    @Override
    public String toString() {
        return "RemoteFile[" + fileName + " @ " + url.getHost() + "]";
    }
}
