package io.iotjobbridge.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * The fire times of a Quartz cron expression ({@code sec min hour day-of-month month day-of-week [year]}) in one
 * time zone. Quartz does the calendar arithmetic, DST included; this class only walks its answers.
 */
public final class CronTimes {

    /** How far back {@link #latestAtOrBefore} looks: a cron may name a year, or only 29 February. */
    private static final Duration LONGEST_LOOK_BACK = Duration.ofDays(366 * 8);

    private final String text;
    private final ZoneId zone;
    private final CronExpression expression;

    private CronTimes(String text, ZoneId zone, CronExpression expression) {
        this.text = text;
        this.zone = zone;
        this.expression = expression;
    }

    /** @throws IllegalArgumentException naming what Quartz found wrong, or when the cron never fires */
    public static CronTimes parse(String cron, ZoneId zone) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression (sec min hour"
                    + " day-of-month month day-of-week [year], one of the two day fields '?'): " + e.getMessage(), e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        CronTimes times = new CronTimes(cron, zone, expression);
        if (times.nextAfter(Instant.now()).isEmpty()) {
            throw new IllegalArgumentException("'" + cron + "' never fires again");
        }
        return times;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first fire time strictly after {@code instant}, if the cron fires again at all. */
    public Optional<Instant> nextAfter(Instant instant) {
        return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(instant))).map(Date::toInstant);
    }

    /**
     * The most recent fire time at or before {@code instant}. Quartz only looks forward, so this looks back over
     * ever longer spans until a span holds a fire time, then walks forward to the last one.
     */
    public Optional<Instant> latestAtOrBefore(Instant instant) {
        for (Duration span = Duration.ofMinutes(1); span.compareTo(LONGEST_LOOK_BACK) <= 0; span = span.multipliedBy(2)) {
            Optional<Instant> fire = nextAfter(instant.minus(span));
            if (fire.isPresent() && !fire.get().isAfter(instant)) {
                Instant latest = fire.get();
                for (Optional<Instant> next = nextAfter(latest); next.isPresent() && !next.get().isAfter(instant);
                     next = nextAfter(latest)) {
                    latest = next.get();
                }
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
