package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The official SDKs stamp requests with the real system time, so a sandbox they talk to needs a clock near it. But
 * the daily quotas follow the Shanghai calendar day, and "now" could be seconds before Shanghai midnight. So: start the
 * sandbox clock at noon (Shanghai) of the current Shanghai day, which is at most 12 hours from real time, and allow
 * that much skew. Tests then move the clock by minutes without ever crossing a day boundary.
 */
final class OfficialSdkClock {

    static final Duration SKEW_ALLOWED = Duration.ofHours(13);

    private OfficialSdkClock() {
    }

    static MutableClock middayInShanghaiToday() {
        LocalDate today = VendorCalendar.dayOf(Instant.now());
        return new MutableClock(today.atTime(12, 0).atZone(VendorCalendar.ZONE).toInstant());
    }
}
