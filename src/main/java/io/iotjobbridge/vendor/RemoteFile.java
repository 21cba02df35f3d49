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

    @Override
    public String toString() {
        return "RemoteFile[" + fileName + " @ " + url.getHost() + "]";
    }
}
