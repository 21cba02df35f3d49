package io.iotjobbridge.vendor;

import java.net.URI;

/** A result file a vendor offers at a (usually short-lived, signed) URL; the URL is used at once and never stored. */
public record RemoteFile(String fileName, URI url) {

    @Override
    public String toString() {
        // the query of a signed URL is a credential: only ever show the host
        return "RemoteFile[" + fileName + " @ " + url.getHost() + "]";
    }
}
