package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams, read in chunks so even a large file never sits in the test's heap. */
public final class CsvDigests {

    private CsvDigests() {
    }

    public static String sha256(InputStream in) {
        return sha256(in, Long.MAX_VALUE);
    }

    /** Digest of the first {@code limit} bytes (or all of them, if fewer). */
    static String sha256(InputStream in, long limit) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long remaining = limit;
            int n;
            while (remaining > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                digest.update(buffer, 0, n);
                remaining -= n;
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
