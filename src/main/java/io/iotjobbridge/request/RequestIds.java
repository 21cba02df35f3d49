package io.iotjobbridge.request;

import java.nio.charset.StandardCharsets;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Request ids: what one may be, and how the ids of requests a job starts itself (follow-ups, parts) are derived from
 * its own, so that the same parent always yields the same ids and admitting one twice starts one job.
 */
public final class RequestIds {

    /** The longest request id: ids are ledger keys and parts of file names. */
    public static final int MAX_LENGTH = 128;

    /** How many hex digits of the parent's SHA-256 mark a parent id that was cut to make room. */
    private static final int HASH_DIGITS = 12;

    private RequestIds() {
    }

    /**
     * {@code <parent><suffix>}, within {@link #MAX_LENGTH}: a parent too long for that is cut and marked with a hash
     * of the whole, so two long parents that share a prefix still give different ids. The result keeps the request
     * id alphabet when the suffix does.
     *
     * @param suffix what tells the derived request apart, e.g. {@code .part-2-of-3}
     */
    public static String derived(String parent, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        if (room < HASH_DIGITS + 2) {
            throw new IllegalArgumentException("a suffix of " + suffix.length() + " characters leaves no room for the"
                    + " parent id within " + MAX_LENGTH);
        }
        if (parent.length() <= room) {
            return parent + suffix;
        }
        String hash = SignatureEncoding.sha256Hex(parent.getBytes(StandardCharsets.UTF_8)).substring(0, HASH_DIGITS);
        return parent.substring(0, room - hash.length() - 1) + "-" + hash + suffix;
    }
}
