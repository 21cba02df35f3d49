package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.request.OperationCatalog;
import io.iotjobbridge.request.RequestParser;
import io.iotjobbridge.request.RequestValidator;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedule ticks against a real ledger with a clock the test moves: first start, missed fires, several nodes. */
class ScheduleRunnerTest {

    private static final String TEMPLATE = "samples/schedules/aliyun-daily-download.yaml";
    private static final Duration TICK = Duration.ofSeconds(10);

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-30T12:00:10Z"));
    private HikariDataSource dataSource;

    @BeforeEach
    void open() {
        dataSource = LedgerDataSource.open(LedgerDataSource.embeddedH2Url(state), "sa", "", 6);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void shouldRecordTheFirstStartWithoutBackFillingAndFireOnTimeAfterwards() throws Exception {
        ScheduleRunner runner = runner(31);
        Schedule hourly = schedule("hourly", "latest", false, "yesterday");

        runner.tick(hourly, true);

        assertThat(requestIds("hourly")).as("fires before the first start are not back-filled").isEmpty();
        assertThat(new ScheduleState(dataSource).lastFire("hourly")).contains(clock.instant());
        clock.set(Instant.parse("2026-03-30T13:00:04Z"));
        runner.tick(hourly, false);
        assertThat(requestIds("hourly")).containsExactly("schedule-hourly-20260330T130000Z");
    }

    @Test
    void shouldRunTheMostRecentFireAtEachStartWhenAskedToAndOnlyOnce() throws Exception {
        ScheduleRunner runner = runner(31);
        Schedule hourly = schedule("hourly", "none", true, "yesterday");

        runner.tick(hourly, true);
        runner.tick(hourly, false);
        runner.tick(hourly, true);

        assertThat(requestIds("hourly")).as("the same fire time is the same request: one job")
                .containsExactly("schedule-hourly-20260330T120000Z");
    }

    @Test
    void shouldCatchUpEveryMissedFireInOrderUnderAll() throws Exception {
        assertThat(afterDowntime("all", 31)).containsExactly("schedule-hourly-20260330T130000Z",
                "schedule-hourly-20260330T140000Z", "schedule-hourly-20260330T150000Z");
    }

    @Test
    void shouldCatchUpOnlyTheMostRecentMissedFiresUpToTheLimitUnderAll() throws Exception {
        assertThat(afterDowntime("all", 2)).containsExactly("schedule-hourly-20260330T140000Z",
                "schedule-hourly-20260330T150000Z");
    }

    @Test
    void shouldRunOnlyTheLatestMissedFireUnderLatest() throws Exception {
        assertThat(afterDowntime("latest", 31)).containsExactly("schedule-hourly-20260330T150000Z");
    }

    @Test
    void shouldSkipEveryMissedFireUnderNone() throws Exception {
        assertThat(afterDowntime("none", 31)).isEmpty();
    }

    @Test
    void shouldRunAFireSeenOnTimeEvenUnderNone() throws Exception {
        ScheduleRunner runner = runner(31);
        Schedule hourly = schedule("hourly", "none", false, "yesterday");
        runner.tick(hourly, true);

        clock.set(Instant.parse("2026-03-30T13:00:09Z"));
        runner.tick(hourly, false);

        assertThat(requestIds("hourly")).containsExactly("schedule-hourly-20260330T130000Z");
    }

    @Test
    void shouldMakeOneJobWhenTwoNodesFireTheSameTime() throws Exception {
        ScheduleRunner first = runner(31);
        ScheduleRunner second = runner(31);
        Schedule onFirst = schedule("hourly", "latest", false, "yesterday");
        Schedule onSecond = schedule("hourly", "latest", false, "yesterday");
        first.tick(onFirst, true);
        second.tick(onSecond, true);

        for (int hour = 13; hour <= 17; hour++) {
            clock.set(Instant.parse("2026-03-30T" + hour + ":00:01Z"));
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> tickTogether(first, onFirst, together));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> tickTogether(second, onSecond, together));
            CompletableFuture.allOf(a, b).join();
        }

        assertThat(requestIds("hourly")).containsExactly("schedule-hourly-20260330T130000Z",
                "schedule-hourly-20260330T140000Z", "schedule-hourly-20260330T150000Z",
                "schedule-hourly-20260330T160000Z", "schedule-hourly-20260330T170000Z");
        assertThat(new ScheduleState(dataSource).lastFire("hourly")).contains(Instant.parse("2026-03-30T17:00:00Z"));
    }

    @Test
    void shouldNeverMoveTheLastFireBack() {
        ScheduleState states = new ScheduleState(dataSource);
        states.begin("hourly", Instant.parse("2026-03-30T12:00:00Z"));

        assertThat(states.advance("hourly", Instant.parse("2026-03-30T14:00:00Z"))).isTrue();
        assertThat(states.advance("hourly", Instant.parse("2026-03-30T13:00:00Z"))).isFalse();
        assertThat(states.begin("hourly", Instant.parse("2026-03-30T11:00:00Z"))).isFalse();
        assertThat(states.lastFire("hourly")).contains(Instant.parse("2026-03-30T14:00:00Z"));
    }

    @Test
    void shouldRefuseAtStartAScheduleWhoseRequestTheBridgeWouldReject() {
        Schedule tooLong = schedule("hourly", "latest", false, "last 40d");

        assertThatThrownBy(() -> runner(31).check(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule 'hourly': parameter 'request'")
                .hasMessageContaining("params.EndTime")
                .hasMessageContaining("31 days");
    }

    @Test
    void shouldPassAFireWhoseRequestIsRejectedInsteadOfRetryingItForEver() throws Exception {
        ScheduleRunner runner = runner(31);
        Schedule tooLong = schedule("hourly", "latest", false, "last 40d");
        runner.tick(tooLong, true);

        clock.set(Instant.parse("2026-03-30T13:00:01Z"));
        runner.tick(tooLong, false);

        assertThat(requestIds("hourly")).isEmpty();
        assertThat(new ScheduleState(dataSource).lastFire("hourly")).contains(Instant.parse("2026-03-30T13:00:00Z"));
    }

    /** Starts an hourly schedule at 12:00:10, lets the bridge be down until 15:30:10, and ticks once. */
    private List<String> afterDowntime(String missed, int maxCatchUp) throws Exception {
        ScheduleRunner runner = runner(maxCatchUp);
        Schedule hourly = schedule("hourly", missed, false, "yesterday");
        runner.tick(hourly, true);

        clock.advance(Duration.ofMinutes(210));
        runner.tick(hourly, false);

        assertThat(new ScheduleState(dataSource).lastFire("hourly")).as("every due fire is dealt with, run or skipped")
                .contains(Instant.parse("2026-03-30T15:00:00Z"));
        return requestIds("hourly");
    }

    private static void tickTogether(ScheduleRunner runner, Schedule schedule, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        runner.tick(schedule, false);
    }

    /** A node: its own ledger, intake and state store, on the shared database. */
    private ScheduleRunner runner(int maxCatchUp) {
        RequestValidator validator = new RequestValidator(OperationCatalog.of(AliyunOperations.TABLE),
                (vendor, account) -> true, Set.of("default"), clock);
        JobIntake intake = new JobIntake(new RequestParser(), validator, new JobLedger(dataSource, clock));
        return new ScheduleRunner(intake, new ScheduleState(dataSource),
                new ScheduleSettings(TICK, Duration.ofMinutes(1), maxCatchUp), clock);
    }

    private static Schedule schedule(String name, String missed, boolean runAtStart, String window) {
        return Schedule.fromParameters(Map.of("name", name, "cron", "0 0 * * * ?", "zone", "Asia/Shanghai",
                "request", TEMPLATE, "window", window, "missed", missed, "runAtStart", String.valueOf(runAtStart)),
                Path.of("").toAbsolutePath());
    }

    private List<String> requestIds(String schedule) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select request_id from job where request_id like ?"
                     + " order by request_id")) {
            ps.setString(1, "schedule-" + schedule + "-%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
