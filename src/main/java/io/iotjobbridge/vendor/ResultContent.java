package io.iotjobbridge.vendor;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a result file as they arrive.
 *
 * @param length the size announced in advance (Content-Length, file size), or -1 when unknown; a delivery that
 *               receives a different number of bytes is treated as truncated
 */
public record ResultContent(InputStream body, long length) implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
