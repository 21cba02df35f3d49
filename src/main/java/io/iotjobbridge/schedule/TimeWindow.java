package io.iotjobbridge.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A time range a scheduled request covers: from {@code start} (inclusive) to {@code end} (exclusive), shown in the
 * schedule's zone.
 */
public record TimeWindow(Instant start, Instant end, ZoneId zone) {

    public TimeWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window must end after it starts; was " + start + " to " + end);
        }
    }

    public String startIso() {
        return iso(start, zone);
    }

    public String endIso() {
        return iso(end, zone);
    }

    /** ISO-8601 with the zone's offset at that instant, seconds always shown: {@code 2026-03-29T00:00:00+01:00}. */
    static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
