package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Quartz cron expressions read in a schedule's zone, forward and back. */
class CronTimesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldReadTheCronInTheSchedulesZone() {
        CronTimes daily = CronTimes.parse("0 30 0 * * ?", SHANGHAI);

        assertThat(daily.nextAfter(Instant.parse("2026-03-30T12:00:00Z")))
                .contains(Instant.parse("2026-03-30T16:30:00Z"));
    }

    @Test
    void shouldFindTheMostRecentFireAtOrBeforeAnInstant() {
        CronTimes daily = CronTimes.parse("0 30 0 * * ?", SHANGHAI);

        assertThat(daily.latestAtOrBefore(Instant.parse("2026-03-30T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T16:30:00Z"));
        assertThat(daily.latestAtOrBefore(Instant.parse("2026-03-29T16:30:00Z")))
                .as("a fire exactly now counts").contains(Instant.parse("2026-03-29T16:30:00Z"));
    }

    @Test
    void shouldLookBackMonthsForARareFire() {
        CronTimes newYear = CronTimes.parse("0 0 0 1 1 ?", SHANGHAI);

        assertThat(newYear.latestAtOrBefore(Instant.parse("2026-11-30T00:00:00Z")))
                .contains(Instant.parse("2025-12-31T16:00:00Z"));
    }

    @Test
    void shouldFollowBerlinsWallClockAcrossDst() {
        CronTimes daily = CronTimes.parse("0 0 1 * * ?", ZoneId.of("Europe/Berlin"));

        assertThat(daily.nextAfter(Instant.parse("2026-03-28T12:00:00Z"))).contains(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-03-29T12:00:00Z"))).contains(Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void shouldRejectAnInvalidCronSayingWhatTheFormatIs() {
        assertThatThrownBy(() -> CronTimes.parse("0 0 25 * * ?", SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0 0 25 * * ?' is not a Quartz cron expression")
                .hasMessageContaining("sec min hour day-of-month month day-of-week");
    }

    @Test
    void shouldRejectACronThatNeverFiresAgain() {
        assertThatThrownBy(() -> CronTimes.parse("0 0 0 1 1 ? 2020", SHANGHAI))
                .hasMessageContaining("never fires again");
    }
}
