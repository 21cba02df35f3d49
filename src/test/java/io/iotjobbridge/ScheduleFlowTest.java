package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.schedule.ScheduleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schedules in the whole application: YAML and Java routes made from the schedule template, fired into jobs. */
class ScheduleFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TEMPLATE = "samples/schedules/aliyun-daily-download.yaml";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @TempDir
    Path routesDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldDeliverYesterdayInShanghaiWhenAScheduleRunsAtStart() throws Exception {
        Path route = scheduleRoute("yesterday-shanghai", "0 0 * * * ?", "yesterday", "latest", true);

        bridge = bridges.start(dataDir, withRoutes(route));

        await().atMost(WAIT).until(() -> scheduledJob("yesterday-shanghai").map(j -> j.state() == JobState.DELIVERED)
                .orElse(false));
        JobRecord job = scheduledJob("yesterday-shanghai").orElseThrow();
        Instant fireTime = fireTimeOf(job.requestId(), "yesterday-shanghai");
        assertThat(fireTime).as("the most recent hourly fire at or before the start")
                .isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofHours(1)).minus(WAIT));
        LocalDate today = fireTime.atZone(SHANGHAI).toLocalDate();
        JsonNode params = new ObjectMapper().readTree(job.requestJson());
        assertThat(params.path("StartTime").asLong()).isEqualTo(today.minusDays(1).atStartOfDay(SHANGHAI)
                .toInstant().toEpochMilli());
        assertThat(params.path("EndTime").asLong()).isEqualTo(today.atStartOfDay(SHANGHAI).toInstant().toEpochMilli());
        assertThat(bridge.ledger().files(job.id())).hasSize(1);
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
    }

    @ParameterizedTest(name = "missed = {0}")
    @CsvSource({"all, 3", "latest, 1", "none, 0"})
    void shouldApplyTheMissedFirePolicyToFiresThatCameDueWhileTheBridgeWasDown(String missed, int jobs)
            throws Exception {
        // a daily fire about 12 hours away, so none comes due while the test runs
        int hour = ZonedDateTime.now(SHANGHAI).plusHours(12).getHour();
        Path route = scheduleRoute("daily", "0 0 " + hour + " * * ?", "yesterday", missed, false);
        bridge = bridges.start(dataDir, withRoutes(route));
        Instant firstStart = await().atMost(WAIT).until(() -> lastFire("daily"), Optional::isPresent).orElseThrow();
        bridge.close();

        // three days of downtime: the schedule last fired three days before it did
        moveLastFire("daily", firstStart.minus(Duration.ofDays(3)));
        bridge = bridges.start(dataDir, withRoutes(route));

        Instant latestFire = firstStart.atZone(SHANGHAI).plusHours(12).truncatedTo(ChronoUnit.HOURS).minusDays(1)
                .toInstant();
        await().atMost(WAIT).until(() -> lastFire("daily"), last -> last.equals(Optional.of(latestFire)));
        List<String> expected = List.of(latestFire.minus(Duration.ofDays(2)), latestFire.minus(Duration.ofDays(1)),
                latestFire).subList(3 - jobs, 3).stream().map(fire -> "schedule-daily-" + COMPACT.format(fire)).toList();
        assertThat(requestIds("daily")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "YAML sample, camel.main.routes-include-pattern, "
                + "'classpath:routes/*.camel.yaml,file:samples/routes/schedule-aliyun-daily-download.camel.yaml'",
        "Java DSL example, camel.main.routes-builder-classes, io.iotjobbridge.schedule.DailyDownloadScheduleExample"})
    void shouldCatchUpTheSampleDailyDownloadInEitherDsl(String dsl, String key, String value) throws Exception {
        // the bridge last ran the sample schedule two days ago
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        try (HikariDataSource ledger = LedgerDataSource.open(LedgerDataSource.embeddedH2Url(dataDir.resolve("state")),
                "sa", "", 2)) {
            new ScheduleState(ledger).begin("aliyun-daily-download", twoDaysAgo);
        }

        bridge = bridges.start(dataDir, Map.of(key, value, "bridge.schedules.tick-ms", "100"));

        await().atMost(WAIT).until(() -> scheduledJob("aliyun-daily-download").map(j -> j.state() == JobState.DELIVERED)
                .orElse(false));
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        ZonedDateTime todayAt0030 = now.toLocalDate().atTime(0, 30).atZone(SHANGHAI);
        Instant latestFire = (now.isBefore(todayAt0030) ? todayAt0030.minusDays(1) : todayAt0030).toInstant();
        assertThat(requestIds("aliyun-daily-download")).as("policy latest: the most recent missed fire only")
                .containsExactly("schedule-aliyun-daily-download-" + COMPACT.format(latestFire));
        JsonNode params = new ObjectMapper().readTree(scheduledJob("aliyun-daily-download").orElseThrow().requestJson());
        LocalDate fireDay = latestFire.atZone(SHANGHAI).toLocalDate();
        assertThat(params.path("StartTime").asLong())
                .isEqualTo(fireDay.minusDays(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli());
        assertThat(params.path("EndTime").asLong()).isEqualTo(fireDay.atStartOfDay(SHANGHAI).toInstant().toEpochMilli());
    }

    @Test
    void shouldRefuseToStartWithABadScheduleNamingItAndTheParameter() throws Exception {
        Path route = scheduleRoute("broken", "0 0 25 * * ?", "yesterday", "latest", false);

        assertThatThrownBy(() -> bridge = bridges.start(dataDir, withRoutes(route)))
                .hasStackTraceContaining("schedule 'broken': parameter 'cron'")
                .hasStackTraceContaining("'0 0 25 * * ?' is not a Quartz cron expression");
    }

    /** Builds a schedule route file as a user would write one. */
    private Path scheduleRoute(String name, String cron, String window, String missed, boolean runAtStart)
            throws Exception {
        String yaml = """
                - templatedRoute:
                    routeTemplateRef: bridge-schedule
                    routeId: schedule-%s
                    parameters:
                      - {name: name, value: "%s"}
                      - {name: cron, value: "%s"}
                      - {name: zone, value: Asia/Shanghai}
                      - {name: request, value: %s}
                      - {name: window, value: "%s"}
                      - {name: missed, value: %s}
                      - {name: runAtStart, value: "%s"}
                """.formatted(name, name, cron, TEMPLATE, window, missed, runAtStart);
        return Files.writeString(routesDir.resolve("schedule-" + name + ".camel.yaml"), yaml);
    }

    private Map<String, String> withRoutes(Path route) {
        return Map.of("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml,file:" + route,
                "bridge.schedules.tick-ms", "100");
    }

    private Optional<Instant> lastFire(String name) throws Exception {
        try (Connection c = ledgerConnection();
             PreparedStatement ps = c.prepareStatement("select last_fire from schedule_state where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /** What a clock moved forward while the bridge was down looks like to a schedule. */
    private void moveLastFire(String name, Instant lastFire) throws Exception {
        try (Connection c = ledgerConnection();
             PreparedStatement ps = c.prepareStatement("update schedule_state set last_fire = ? where name = ?")) {
            ps.setTimestamp(1, Timestamp.from(lastFire));
            ps.setString(2, name);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private Connection ledgerConnection() throws Exception {
        return DriverManager.getConnection(LedgerDataSource.embeddedH2Url(dataDir.resolve("state")), "sa", "");
    }

    private Optional<JobRecord> scheduledJob(String name) throws Exception {
        List<String> ids = requestIds(name);
        return ids.isEmpty() ? Optional.empty() : bridge.ledger().findByRequestId(ids.get(0));
    }

    /** The request ids of a schedule's jobs, oldest fire first, read from the running bridge's embedded ledger. */
    private List<String> requestIds(String name) throws Exception {
        try (Connection c = ledgerConnection();
             PreparedStatement ps = c.prepareStatement("select request_id from job where request_id like ?"
                     + " order by request_id")) {
            ps.setString(1, "schedule-" + name + "-%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static Instant fireTimeOf(String requestId, String name) {
        return Instant.from(COMPACT.parse(requestId.substring(("schedule-" + name + "-").length())));
    }
}
