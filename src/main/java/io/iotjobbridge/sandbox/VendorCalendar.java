package io.iotjobbridge.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The vendor counts daily quotas (jobs per account, fetches per file) by the calendar day in China. */
final class VendorCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private VendorCalendar() {
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
