package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every window form, resolved at a fire time in a zone, DST changes included. */
class WindowExpressionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            today                              | 2026-03-30T09:30:00+08:00 | 2026-03-30T00:00:00+08:00 | 2026-03-31T00:00:00+08:00
            yesterday                          | 2026-03-30T09:30:00+08:00 | 2026-03-29T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            yesterday                          | 2026-03-30T00:00:00+08:00 | 2026-03-29T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            previous day                       | 2026-03-30T09:30:00+08:00 | 2026-03-29T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            previous hour                      | 2026-03-30T09:30:00+08:00 | 2026-03-30T08:00:00+08:00 | 2026-03-30T09:00:00+08:00
            previous week                      | 2026-04-01T09:30:00+08:00 | 2026-03-23T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            previous week                      | 2026-03-30T00:00:00+08:00 | 2026-03-23T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            previous month                     | 2026-03-30T09:30:00+08:00 | 2026-02-01T00:00:00+08:00 | 2026-03-01T00:00:00+08:00
            previous month                     | 2026-01-01T00:30:00+08:00 | 2025-12-01T00:00:00+08:00 | 2026-01-01T00:00:00+08:00
            last 6h                            | 2026-03-30T09:30:00+08:00 | 2026-03-30T03:30:00+08:00 | 2026-03-30T09:30:00+08:00
            last 30m                           | 2026-03-30T09:30:00+08:00 | 2026-03-30T09:00:00+08:00 | 2026-03-30T09:30:00+08:00
            last 7d                            | 2026-03-30T09:30:00+08:00 | 2026-03-23T09:30:00+08:00 | 2026-03-30T09:30:00+08:00
            yesterday 08:00 to today 08:00     | 2026-03-30T09:30:00+08:00 | 2026-03-29T08:00:00+08:00 | 2026-03-30T08:00:00+08:00
            yesterday 00:00 to yesterday 24:00 | 2026-03-30T09:30:00+08:00 | 2026-03-29T00:00:00+08:00 | 2026-03-30T00:00:00+08:00
            today 00:00 to today 06:30         | 2026-03-30T09:30:00+08:00 | 2026-03-30T00:00:00+08:00 | 2026-03-30T06:30:00+08:00
            '  Last  6H '                      | 2026-03-30T09:30:00+08:00 | 2026-03-30T03:30:00+08:00 | 2026-03-30T09:30:00+08:00
            """)
    void shouldResolveEachFormAtTheFireTimeInShanghai(String expression, String fire, String start, String end) {
        TimeWindow window = WindowExpression.parse(expression).resolve(OffsetDateTime.parse(fire).toInstant(), SHANGHAI);

        assertThat(window.startIso()).isEqualTo(start);
        assertThat(window.endIso()).isEqualTo(end);
    }

    @Test
    void shouldMakeYesterdayTwentyThreeHoursLongAfterBerlinSpringsForward() {
        // DST began in Berlin on 2026-03-29 at 02:00 (CET, +01:00 -> CEST, +02:00)
        TimeWindow window = WindowExpression.parse("yesterday").resolve(at("2026-03-30T01:00:00+02:00"), BERLIN);

        assertThat(window.startIso()).isEqualTo("2026-03-29T00:00:00+01:00");
        assertThat(window.endIso()).isEqualTo("2026-03-30T00:00:00+02:00");
        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void shouldMakeYesterdayTwentyFiveHoursLongAfterBerlinFallsBack() {
        // DST ended in Berlin on 2026-10-25 at 03:00 (CEST -> CET)
        TimeWindow window = WindowExpression.parse("yesterday").resolve(at("2026-10-26T06:00:00+01:00"), BERLIN);

        assertThat(window.startIso()).isEqualTo("2026-10-25T00:00:00+02:00");
        assertThat(window.endIso()).isEqualTo("2026-10-26T00:00:00+01:00");
        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void shouldCountLastDaysAsCalendarDaysButLastHoursAsExactHoursAcrossDst() {
        Instant fire = at("2026-03-29T12:00:00+02:00");

        TimeWindow lastDay = WindowExpression.parse("last 1d").resolve(fire, BERLIN);
        TimeWindow last24h = WindowExpression.parse("last 24h").resolve(fire, BERLIN);

        assertThat(lastDay.startIso()).isEqualTo("2026-03-28T12:00:00+01:00");
        assertThat(Duration.between(lastDay.start(), lastDay.end())).isEqualTo(Duration.ofHours(23));
        assertThat(last24h.startIso()).isEqualTo("2026-03-28T11:00:00+01:00");
    }

    @Test
    void shouldStartBerlinsPreviousMonthAtLocalMidnightOnBothSidesOfDst() {
        TimeWindow window = WindowExpression.parse("previous month").resolve(at("2026-04-01T00:30:00+02:00"), BERLIN);

        assertThat(window.startIso()).isEqualTo("2026-03-01T00:00:00+01:00");
        assertThat(window.endIso()).isEqualTo("2026-04-01T00:00:00+02:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "last 0h", "last 6 weeks", "previous year", ""})
    void shouldRejectAnUnknownFormNamingTheFormsThatExist(String expression) {
        assertThatThrownBy(() -> WindowExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + expression + "' is not a window")
                .hasMessageContaining("previous hour|day|week|month");
    }

    @Test
    void shouldRejectAnExplicitWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> WindowExpression.parse("today 10:00 to yesterday 12:00"))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void shouldRejectATimeOfDayPastMidnight() {
        assertThatThrownBy(() -> WindowExpression.parse("yesterday 00:00 to today 24:30"))
                .hasMessageContaining("not 00:00 to 24:00: 24:30");
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
