package io.iotjobbridge.vendor;

import java.io.Closeable;
import java.io.IOException;

/** How failures are put into words that are safe to log and store: nothing a signed URL could leak. */
public final class Failures {

    private Failures() {
    }

    /** The exception's class name and the first line of its message, cut before any query string. */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        int query = message.indexOf('?');
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + (query >= 0
                ? message.substring(0, query) : message) + ")");
    }

    /** Closes a stream whose content no longer matters (an error body), ignoring a failure to do so. */
    public static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the stream is being abandoned; its close error adds nothing to the failure already reported
        }
    }
}
