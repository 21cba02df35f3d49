package io.iotjobbridge.http;

import java.io.IOException;
import java.net.URI;

/** The bridge's only way out to a vendor: buffered API calls and streamed file downloads. */
public interface HttpTransport {

    HttpReply send(HttpCall call) throws IOException;

    /** Opens a GET on {@code url} (never following redirects); the caller closes the body. */
    StreamedReply open(URI url) throws IOException;
}
