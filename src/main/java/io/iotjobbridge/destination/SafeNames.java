package io.iotjobbridge.destination;

import java.text.Normalizer;

/**
 * Turns a file name that came from a request or a vendor response into one safe to write under a destination: a
 * single path segment, no traversal, no control characters, no hidden-file dot prefix.
 */
public final class SafeNames {

    private static final int MAX_LENGTH = 200;

    private SafeNames() {
    }

    public static String fileName(String untrusted) {
        String name = untrusted == null ? "" : Normalizer.normalize(untrusted, Normalizer.Form.NFC);
        // keep only the last segment, whichever separator the sender used
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(cp -> safe.appendCodePoint(isAllowed(cp) ? cp : '_'));
        String result = safe.toString().replaceAll("^[.\\s]+", "").strip();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH);
        }
        return result.isEmpty() ? "file" : result;
    }

    private static boolean isAllowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_' || cp == ' ';
    }
}
