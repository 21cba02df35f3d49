package io.iotjobbridge.sandbox;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The deterministic CSV a succeeded sandbox job serves, generated row by row so any size streams in constant memory.
 *
 * <p>Layout, for a requested size of {@code bytes}:
 * <ul>
 *   <li>the {@value #HEADER_LINE} header line ({@link #HEADER_BYTES} bytes with its newline), then</li>
 *   <li>{@link #rowCount(long)} data rows of {@link #ROW_BYTES} bytes each; the last row's {@code note} column is
 *       stretched by the remainder, so the file is <b>exactly {@code bytes} long and made of whole rows</b>.</li>
 *   <li>Below {@link #MINIMUM_WHOLE_FILE} bytes there is no room for a whole row: the stream is then the first
 *       {@code bytes} bytes of the one-row file of that minimum size (a degenerate file only edge-case tests
 *       ask for).</li>
 * </ul>
 * Values are a pure function of the seed (the LongJobId) and the row index, so a test computes the expected digest
 * of a served file from {@link #open(String, long)} without any HTTP.
 */
public final class SyntheticCsv {

    public static final String HEADER_LINE = "timestamp,device,seq,value,note";
    private static final byte[] HEADER = (HEADER_LINE + "\n").getBytes(StandardCharsets.US_ASCII);

    public static final int HEADER_BYTES = HEADER.length;
    public static final int ROW_BYTES = 64;
    public static final long MINIMUM_WHOLE_FILE = HEADER_BYTES + ROW_BYTES;

    // fixed columns of a row: 13-digit epoch ms, "device-" + 4 digits, 10-digit sequence, "ddd.ddd", then the note
    private static final int PREFIX_BYTES = 13 + 1 + 11 + 1 + 10 + 1 + 7 + 1;
    private static final int NOTE_BYTES = ROW_BYTES - PREFIX_BYTES - 1;
    private static final long FIRST_TIMESTAMP_MS = 1_700_000_000_000L;

    private SyntheticCsv() {
    }

    /** A fresh stream of exactly {@code bytes} bytes for this seed; it holds one row in memory at a time. */
    public static InputStream open(String seed, long bytes) {
        Objects.requireNonNull(seed, "seed");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return new RowStream(seedOf(seed), bytes);
    }

    /** Data rows (header excluded) in a file of this size. */
    public static long rowCount(long bytes) {
        return bytes < MINIMUM_WHOLE_FILE ? 0 : (bytes - HEADER_BYTES) / ROW_BYTES;
    }

    private static long seedOf(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** SplitMix64's finaliser: cheap, well mixed, and random-access by row index. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final class RowStream extends InputStream {

        private final long seed;
        private final long limit;
        private final long rows;
        private final int lastRowExtra;
        // the longest row is the last one: a normal row plus a remainder smaller than a row
        private final byte[] row = new byte[2 * ROW_BYTES];
        private final byte[] oneByte = new byte[1];
        private long position;
        private long nextRow;
        private int rowLength;
        private int rowOffset;

        RowStream(long seed, long limit) {
            this.seed = seed;
            this.limit = limit;
            long layoutBytes = Math.max(limit, MINIMUM_WHOLE_FILE);
            this.rows = rowCount(layoutBytes);
            this.lastRowExtra = (int) ((layoutBytes - HEADER_BYTES) % ROW_BYTES);
            System.arraycopy(HEADER, 0, row, 0, HEADER_BYTES);
            this.rowLength = HEADER_BYTES;
        }

        @Override
        public int read() {
            return read(oneByte, 0, 1) < 0 ? -1 : oneByte[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            if (position >= limit) {
                return -1;
            }
            int copied = 0;
            while (copied < length && position < limit) {
                if (rowOffset == rowLength) {
                    fillNextRow();
                }
                int n = (int) Math.min(Math.min(length - copied, rowLength - rowOffset), limit - position);
                System.arraycopy(row, rowOffset, target, offset + copied, n);
                rowOffset += n;
                copied += n;
                position += n;
            }
            return copied;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.min(limit - position, (long) rowLength - rowOffset));
        }

        private void fillNextRow() {
            long index = nextRow++;
            if (index >= rows) {
                throw new IllegalStateException("row layout exhausted before the size limit");
            }
            long bits = mix(seed + index * 0x9e3779b97f4a7c15L);
            int at = 0;
            at = digits(FIRST_TIMESTAMP_MS + index * 1_000L, 13, at);
            row[at++] = ',';
            for (byte b : "device-".getBytes(StandardCharsets.US_ASCII)) {
                row[at++] = b;
            }
            at = digits(Long.remainderUnsigned(bits, 10_000), 4, at);
            row[at++] = ',';
            at = digits(index + 1, 10, at);
            row[at++] = ',';
            long value = Long.remainderUnsigned(bits >>> 16, 1_000_000);
            at = digits(value / 1_000, 3, at);
            row[at++] = '.';
            at = digits(value % 1_000, 3, at);
            row[at++] = ',';
            int note = NOTE_BYTES + (index == rows - 1 ? lastRowExtra : 0);
            long letters = mix(bits);
            for (int i = 0; i < note; i++) {
                row[at++] = (byte) ('a' + Long.remainderUnsigned(letters >>> ((i * 5) % 59), 26));
            }
            row[at++] = '\n';
            rowLength = at;
            rowOffset = 0;
        }

        /** Fixed-width decimal, wrapping at the width so every row keeps its layout. */
        private int digits(long value, int width, int at) {
            long v = Math.floorMod(value, pow10(width));
            for (int i = width - 1; i >= 0; i--) {
                row[at + i] = (byte) ('0' + (v % 10));
                v /= 10;
            }
            return at + width;
        }

        private static long pow10(int width) {
            long p = 1;
            for (int i = 0; i < width; i++) {
                p *= 10;
            }
            return p;
        }
    }
}
