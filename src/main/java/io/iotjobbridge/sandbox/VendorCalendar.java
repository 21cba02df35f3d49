package io.iotjobbridge.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.iotjobbridge.vendor.aliyun.AliyunOperations;

/**
 * The vendor's time conventions: daily quotas (jobs per account, fetches per file) count by the calendar day in China,
 * and the job APIs' {@code Utc*} fields are ISO-8601 UTC text with milliseconds.
 */
final class VendorCalendar {

    /** The bridge's own constant, so the sandbox's days and the bridge's quota days are the same days. */
    static final ZoneId ZONE = AliyunOperations.VENDOR_DAY_ZONE;

    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private VendorCalendar() {
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** E.g. {@code 2025-03-03T04:00:00.000Z}, as UtcCreate, UtcModified and UtcQueueTime carry it. */
    static String utc(Instant instant) {
        return UTC_TEXT.format(instant);
    }
}
