package io.iotjobbridge.request;

import java.util.Locale;

/** How the requests of one document are laid out, which only the file name tells apart. */
public enum RequestLayout {

    /** One JSON or YAML document: a request object, or a batch as a JSON array / YAML sequence of them. */
    DOCUMENT,
    /** JSON Lines: a batch of one request object per non-blank line. */
    JSON_LINES;

    /** {@link #JSON_LINES} for {@code .jsonl} and {@code .ndjson} files, {@link #DOCUMENT} for any other. */
    public static RequestLayout ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSON_LINES : DOCUMENT;
    }
}
