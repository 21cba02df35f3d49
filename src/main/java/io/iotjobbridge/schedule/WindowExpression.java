package io.iotjobbridge.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window relative to a schedule's fire time, resolved in the schedule's zone. The forms (README "Schedules"):
 * {@code today}, {@code yesterday}, {@code previous hour|day|week|month}, {@code last <n>m|h|d} and
 * {@code today|yesterday HH:mm to today|yesterday HH:mm}. Days are calendar days of the zone, so a day is 23 or 25
 * hours long across a DST change; {@code last <n>m|h} are exact durations.
 */
public final class WindowExpression {

    static final String FORMS = "today, yesterday, previous hour|day|week|month, last <n>m|h|d (e.g. last 6h),"
            + " or today|yesterday HH:mm to today|yesterday HH:mm (e.g. yesterday 08:00 to today 08:00)";

    private static final Pattern PREVIOUS = Pattern.compile("previous (hour|day|week|month)");
    private static final Pattern LAST = Pattern.compile("last ([1-9][0-9]{0,3}) ?([mhd])");
    private static final Pattern EXPLICIT = Pattern.compile("(today|yesterday) ([0-9]{2}):([0-9]{2})"
            + " to (today|yesterday) ([0-9]{2}):([0-9]{2})");

    /** How a fire time in a zone becomes a window. */
    @FunctionalInterface
    private interface Rule {
        TimeWindow resolve(ZonedDateTime fire);
    }

    private final String text;
    private final Rule rule;

    private WindowExpression(String text, Rule rule) {
        this.text = text;
        this.rule = rule;
    }

    /** @throws IllegalArgumentException naming the forms that are understood */
    public static WindowExpression parse(String text) {
        String normal = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return new WindowExpression(text.trim(), ruleFor(normal).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a window; use " + FORMS)));
    }

    public TimeWindow resolve(Instant fireTime, ZoneId zone) {
        return rule.resolve(fireTime.atZone(zone));
    }

    private static Optional<Rule> ruleFor(String text) {
        switch (text) {
            case "today":
                return Optional.of(fire -> days(fire, 0, 1));
            case "yesterday":
                return Optional.of(fire -> days(fire, -1, 0));
            default:
                break;
        }
        Matcher previous = PREVIOUS.matcher(text);
        if (previous.matches()) {
            return Optional.of(previousRule(previous.group(1)));
        }
        Matcher last = LAST.matcher(text);
        if (last.matches()) {
            return Optional.of(lastRule(Integer.parseInt(last.group(1)), last.group(2)));
        }
        Matcher explicit = EXPLICIT.matcher(text);
        if (explicit.matches()) {
            return Optional.of(explicitRule(explicit));
        }
        return Optional.empty();
    }

    private static Rule previousRule(String unit) {
        switch (unit) {
            case "hour":
                return fire -> {
                    ZonedDateTime hour = fire.truncatedTo(ChronoUnit.HOURS);
                    return window(hour.minusHours(1), hour);
                };
            case "day":
                return fire -> days(fire, -1, 0);
            case "week":
                return fire -> {
                    // ISO weeks: Monday 00:00 to the next Monday 00:00
                    LocalDate monday = fire.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    return window(startOf(monday.minusWeeks(1), fire.getZone()), startOf(monday, fire.getZone()));
                };
            default:
                return fire -> {
                    LocalDate first = fire.toLocalDate().withDayOfMonth(1);
                    return window(startOf(first.minusMonths(1), fire.getZone()), startOf(first, fire.getZone()));
                };
        }
    }

    private static Rule lastRule(int amount, String unit) {
        switch (unit) {
            case "m":
                return fire -> window(fire.minus(Duration.ofMinutes(amount)), fire);
            case "h":
                return fire -> window(fire.minus(Duration.ofHours(amount)), fire);
            default:
                // calendar days: the same wall-clock time n days ago, whatever DST did in between
                return fire -> window(fire.minusDays(amount), fire);
        }
    }

    private static Rule explicitRule(Matcher m) {
        int fromDay = "yesterday".equals(m.group(1)) ? -1 : 0;
        int fromMinute = minuteOfDay(m.group(2), m.group(3), m.group(0));
        int toDay = "yesterday".equals(m.group(4)) ? -1 : 0;
        int toMinute = minuteOfDay(m.group(5), m.group(6), m.group(0));
        if (toDay * 1440 + toMinute <= fromDay * 1440 + fromMinute) {
            throw new IllegalArgumentException("'" + m.group(0) + "' ends before it starts");
        }
        return fire -> window(at(fire, fromDay, fromMinute), at(fire, toDay, toMinute));
    }

    /** {@code HH:mm} from 00:00 to 24:00 (the end of that day). */
    private static int minuteOfDay(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException("'" + text + "' has a time that is not 00:00 to 24:00: " + hours + ":"
                    + minutes);
        }
        return h * 60 + m;
    }

    private static ZonedDateTime at(ZonedDateTime fire, int dayOffset, int minuteOfDay) {
        LocalDate day = fire.toLocalDate().plusDays(dayOffset);
        if (minuteOfDay == 1440) {
            return startOf(day.plusDays(1), fire.getZone());
        }
        // a wall-clock time that DST skips is moved forward by the gap, as ZonedDateTime.of does
        return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(minuteOfDay * 60L), fire.getZone());
    }

    private static TimeWindow days(ZonedDateTime fire, int fromOffset, int toOffset) {
        LocalDate day = fire.toLocalDate();
        return window(startOf(day.plusDays(fromOffset), fire.getZone()), startOf(day.plusDays(toOffset), fire.getZone()));
    }

    /** Where a calendar day begins: usually 00:00, later where DST skips midnight. */
    private static ZonedDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone);
    }

    private static TimeWindow window(ZonedDateTime start, ZonedDateTime end) {
        return new TimeWindow(start.toInstant(), end.toInstant(), start.getZone());
    }

    @Override
    public String toString() {
        return text;
    }
}
