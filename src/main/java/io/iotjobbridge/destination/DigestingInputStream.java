package io.iotjobbridge.destination;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes the bytes that pass through, so size and SHA-256 come from the single streaming pass. */
final class DigestingInputStream extends FilterInputStream {

    private final MessageDigest sha256;
    private long count;
    /** The finished hash: {@link MessageDigest#digest()} resets the digest, so it is taken once. */
    private String hex;

    DigestingInputStream(InputStream in) {
        super(in);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha256.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        // skipping would leave bytes out of the hash
        return 0;
    }

    long count() {
        return count;
    }

    /** The hash of every byte read; read it once the stream is consumed (later reads no longer count). */
    String sha256Hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(sha256.digest());
        }
        return hex;
    }
}
