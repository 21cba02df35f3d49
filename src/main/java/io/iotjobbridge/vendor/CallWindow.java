package io.iotjobbridge.vendor;

import java.time.Duration;
import java.util.Arrays;

/**
 * The times of the last {@code limit} calls to one vendor API, and the rule that no window of the given length ever
 * holds more than {@code limit} of them: a vendor counting calls per second, however it places its second, never
 * sees more than its QPS. Callers reserve their time first and wait for it afterwards, so waiters are served in
 * order and none is starved.
 */
final class CallWindow {

    private final long windowNanos;
    private final long[] reserved;
    private int oldest;

    /** @param limit calls allowed in any one window */
    CallWindow(int limit, Duration window) {
        this.windowNanos = window.toNanos();
        this.reserved = new long[limit];
        Arrays.fill(reserved, Long.MIN_VALUE / 2);
    }

    /**
     * Reserves the earliest time at or after {@code nowNanos} a call fits, unless that is more than
     * {@code maxWaitNanos} away.
     *
     * @return the reserved time (wait until then, then call), or {@code -1} with nothing reserved when it is too far
     */
    synchronized long reserve(long nowNanos, long maxWaitNanos) {
        long at = nextFree(nowNanos);
        if (at - nowNanos > maxWaitNanos) {
            return -1;
        }
        reserved[oldest] = at;
        oldest = (oldest + 1) % reserved.length;
        return at;
    }

    /** The earliest time at or after {@code nowNanos} a call would fit, without reserving it. */
    synchronized long nextFree(long nowNanos) {
        // reservations only grow, so the oldest of the last `limit` is the one a new call must clear by a window
        return Math.max(nowNanos, reserved[oldest] + windowNanos);
    }
}
