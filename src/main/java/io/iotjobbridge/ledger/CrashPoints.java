package io.iotjobbridge.ledger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points between a durable write and the action it records, where the crash tests stop the JVM dead, as {@code kill -9} would: no shutdown hooks,
 * no flushing, no rollback. Inactive unless the system property {@code bridge.test.crash-at} names a point
 * ({@code point} or {@code point:n} to crash on its n-th reach), so in normal runs each reach is one volatile read.
 */
public final class CrashPoints {

    /** A request's job is committed, its message not yet acknowledged or its file not yet archived. */
    public static final String AFTER_REQUEST_ACCEPTED = "after-request-accepted";
    public static final String AFTER_VENDOR_CREATE = "after-vendor-create";
    public static final String AFTER_STATUS_CHECK = "after-status-check";
    public static final String MID_DOWNLOAD = "mid-download";
    public static final String AFTER_FILE_WRITTEN = "after-file-written";
    public static final String BEFORE_DELIVERED = "before-delivered";

    /** The exit status a crash point halts with: what a process killed by SIGKILL reports. */
    public static final int HALT_STATUS = 137;

    private static final String PROPERTY = "bridge.test.crash-at";
    private static final String TARGET = System.getProperty(PROPERTY, "");
    private static final AtomicInteger REACHED = new AtomicInteger();

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (TARGET.isEmpty() || !TARGET.startsWith(point)) {
            return;
        }
        int nth = TARGET.length() > point.length() + 1 && TARGET.charAt(point.length()) == ':'
                ? Integer.parseInt(TARGET.substring(point.length() + 1)) : 1;
        if (TARGET.equals(point) || TARGET.equals(point + ":" + nth)) {
            if (REACHED.incrementAndGet() == nth) {
                System.err.println("crash point " + point + " reached: halting");
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }
    }

    /** A stream that reaches {@code point} once {@code afterBytes} have been read through it: a crash mid-copy. */
    public static InputStream reachWhileReading(InputStream in, String point, long afterBytes) {
        if (TARGET.isEmpty() || !TARGET.startsWith(point)) {
            return in;
        }
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                passed(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                passed(Math.max(n, 0));
                return n;
            }

            private void passed(int n) {
                count += n;
                if (count >= afterBytes) {
                    reach(point);
                }
            }
        };
    }
}
