package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The due fires after a downtime, and what each missed-fire policy runs and skips of them. */
class MissedFirePolicyTest {

    private static final CronTimes HOURLY = CronTimes.parse("0 0 * * * ?", ZoneOffset.UTC);
    private static final Duration GRACE = Duration.ofMinutes(1);

    @Test
    void shouldSplitDueFiresIntoMissedAndOnTimeKeepingOnlyTheMostRecentMissed() {
        DueFires due = DueFires.between(HOURLY, at("00:00"), at("05:00:30"), GRACE, 2);

        assertThat(due.onTime()).containsExactly(at("05:00"));
        assertThat(due.missed()).containsExactly(at("03:00"), at("04:00"));
        assertThat(due.missedCount()).isEqualTo(4);
        assertThat(due.olderMissed()).isEqualTo(2);
        assertThat(due.latest()).contains(at("05:00"));
    }

    @Test
    void shouldSeeNothingDueBeforeTheNextFire() {
        DueFires due = DueFires.between(HOURLY, at("05:00"), at("05:59:59"), GRACE, 31);

        assertThat(due.onTime()).isEmpty();
        assertThat(due.missed()).isEmpty();
        assertThat(due.latest()).isEmpty();
    }

    @Test
    void shouldRunEveryMissedFireOldestFirstUnderAll() {
        FirePlan plan = MissedFirePolicy.ALL.plan(DueFires.between(HOURLY, at("00:00"), at("03:30"), GRACE, 31));

        assertThat(plan.run()).containsExactly(at("01:00"), at("02:00"), at("03:00"));
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.olderSkipped()).isZero();
    }

    @Test
    void shouldRunOnlyTheMostRecentMissedFiresUpToTheCatchUpLimitUnderAll() {
        FirePlan plan = MissedFirePolicy.ALL.plan(DueFires.between(HOURLY, at("00:00"), at("05:30"), GRACE, 2));

        assertThat(plan.run()).containsExactly(at("04:00"), at("05:00"));
        assertThat(plan.olderSkipped()).isEqualTo(3);
    }

    @Test
    void shouldRunOnlyTheLatestMissedFireUnderLatest() {
        FirePlan plan = MissedFirePolicy.LATEST.plan(DueFires.between(HOURLY, at("00:00"), at("03:30"), GRACE, 31));

        assertThat(plan.run()).containsExactly(at("03:00"));
        assertThat(plan.skipped()).containsExactly(at("01:00"), at("02:00"));
    }

    @Test
    void shouldLetAnOnTimeFireSupersedeTheMissedOnesUnderLatest() {
        FirePlan plan = MissedFirePolicy.LATEST.plan(DueFires.between(HOURLY, at("00:00"), at("03:00:10"), GRACE, 31));

        assertThat(plan.run()).containsExactly(at("03:00"));
        assertThat(plan.skipped()).containsExactly(at("01:00"), at("02:00"));
    }

    @Test
    void shouldSkipEveryMissedFireButRunTheOnTimeOneUnderNone() {
        FirePlan missedOnly = MissedFirePolicy.NONE.plan(DueFires.between(HOURLY, at("00:00"), at("03:30"), GRACE, 31));
        FirePlan withOnTime = MissedFirePolicy.NONE.plan(DueFires.between(HOURLY, at("00:00"), at("03:00:10"), GRACE, 31));

        assertThat(missedOnly.run()).isEmpty();
        assertThat(missedOnly.skipped()).containsExactly(at("01:00"), at("02:00"), at("03:00"));
        assertThat(withOnTime.run()).containsExactly(at("03:00"));
        assertThat(withOnTime.skipped()).containsExactly(at("01:00"), at("02:00"));
    }

    @Test
    void shouldKnowEachPolicyByItsWireName() {
        assertThat(List.of("all", "latest", "none")).map(n -> MissedFirePolicy.fromWireName(n).orElseThrow())
                .containsExactly(MissedFirePolicy.ALL, MissedFirePolicy.LATEST, MissedFirePolicy.NONE);
        assertThat(MissedFirePolicy.fromWireName("Latest")).isEmpty();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-30T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }
}
