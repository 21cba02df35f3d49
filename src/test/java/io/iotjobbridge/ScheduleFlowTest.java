package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private RunningBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void shouldDeliverYesterdayInShanghaiWhenAScheduleRunsAtStart() throws Exception {
        Path route = scheduleRoute("yesterday-shanghai", "0 0 * * * ?", "yesterday", "latest", true);

        bridge = RunningBridge.start(dataDir, withRoutes(route));

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

    private Optional<JobRecord> scheduledJob(String name) throws Exception {
        List<String> ids = requestIds(name);
        return ids.isEmpty() ? Optional.empty() : bridge.ledger().findByRequestId(ids.get(0));
    }

    /** The request ids of a schedule's jobs, oldest fire first, read from the running bridge's embedded ledger. */
    private List<String> requestIds(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(LedgerDataSource.embeddedH2Url(dataDir.resolve("state")), "sa", "");
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
