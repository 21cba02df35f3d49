package io.iotjobbridge.http;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** The bridge's only way out to a vendor: buffered API calls and streamed file downloads. */
public interface HttpTransport {

    HttpReply send(HttpCall call) throws IOException;

    /**
     * Sends {@code call} (never following redirects) and returns as soon as the response headers are in; the body is
     * read as it arrives and the caller closes it. For downloads that are themselves signed API calls.
     */
    StreamedReply open(HttpCall call) throws IOException;

    /** Opens a plain GET on {@code url} (a signed link: its query is the credential); the caller closes the body. */
    default StreamedReply open(URI url) throws IOException {
        return open(new HttpCall("GET", url, url.getRawPath(), url.getRawQuery(), Map.of(), null));
    }
}
