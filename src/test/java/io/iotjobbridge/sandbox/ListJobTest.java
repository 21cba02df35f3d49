package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertOk;
import static io.iotjobbridge.sandbox.SandboxAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListJob through hand-signed HTTP: the caller's device jobs, newest first, paged, filtered by status. */
class ListJobTest {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2025-03-03T04:00:00Z");
    private static final Duration RUN = Duration.ofSeconds(100);

    private final MutableClock clock = new MutableClock(NOON_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private DeviceJobCalls jobs;
    private DeviceJobCalls otherAccount;

    @BeforeEach
    void startSandbox() {
        SandboxSettings defaults = SandboxSettings.defaults();
        ApiRateLimits unthrottled = ApiRateLimits.documented().with("ListJob", 10_000).with("CreateJob", 10_000);
        sandbox = VendorSandbox.start(defaults
                .withCredentials(Map.of("test-ak", Secret.of("test-secret"), "other-ak", Secret.of("other-secret")))
                .withDeviceJobs(defaults.deviceJobs().withJobRunningFor(RUN).withFleetSize(10)
                        .withRateLimits(unthrottled)), clock);
        jobs = new DeviceJobCalls(new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock));
        otherAccount = new DeviceJobCalls(
                new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** Creates {@code count} jobs named job_0, job_1, ... one second apart, and returns their ids oldest first. */
    private List<String> createJobs(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> params = DeviceJobCalls.productJob("a1LightProd");
            params.put("JobName", "job_" + i);
            ids.add(jobs.createdJobId(params));
            clock.advance(Duration.ofSeconds(1));
        }
        return ids;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("Data").path("data").forEach(job -> ids.add(job.path("JobId").asText()));
        return ids;
    }

    @Test
    void shouldListTheCallersJobsNewestFirstWithTheirSummary() {
        Map<String, String> params = DeviceJobCalls.productJob("a1LightProd");
        params.put("Description", "lights on");
        String jobId = jobs.createdJobId(params);
        Instant created = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        String newer = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        JsonNode page = assertOk(jobs.listJob(Map.of("PageSize", "10")));

        assertThat(ids(page)).containsExactly(newer, jobId);
        JsonNode job = page.path("Data").path("data").get(1);
        assertThat(job.path("JobName").asText()).isEqualTo("set_light");
        assertThat(job.path("Type").asText()).isEqualTo("SET_PROPERTY");
        assertThat(job.path("Status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(job.path("Description").asText()).isEqualTo("lights on");
        assertThat(job.path("UtcCreate").asText()).isEqualTo(VendorCalendar.utc(created));
        assertThat(job.path("UtcModified").asText()).isEqualTo(VendorCalendar.utc(created));
        assertThat(page.path("Page").asInt()).isEqualTo(1);
        assertThat(page.path("PageSize").asInt()).isEqualTo(2);
        assertThat(page.path("Total").asInt()).isEqualTo(2);
    }

    @Test
    void shouldPageWithPageSizeAndCurrentPage() {
        List<String> created = createJobs(7);

        JsonNode first = assertOk(jobs.listJob(Map.of("PageSize", "3")));
        JsonNode third = assertOk(jobs.listJob(Map.of("PageSize", "3", "CurrentPage", "3")));
        JsonNode beyond = assertOk(jobs.listJob(Map.of("PageSize", "3", "CurrentPage", "4")));

        assertThat(ids(first)).containsExactly(created.get(6), created.get(5), created.get(4));
        assertThat(ids(third)).containsExactly(created.get(0));
        assertThat(third.path("Page").asInt()).isEqualTo(3);
        assertThat(third.path("PageSize").asInt()).isEqualTo(1);
        assertThat(third.path("Total").asInt()).isEqualTo(7);
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.path("Total").asInt()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "ten"})
    void shouldRefuseAPageSizeOutsideOneToFifty(String pageSize) {
        assertRefused(jobs.listJob(Map.of("PageSize", pageSize)), "iot.common.InvalidPageParams",
                "PageSize must be 1 to 50.");
    }

    @Test
    void shouldRequireAPageSizeAndAPositiveCurrentPage() {
        assertRefused(jobs.listJob(Map.of()), "iot.common.InvalidPageParams", "PageSize is mandatory.");
        assertRefused(jobs.listJob(Map.of("PageSize", "50", "CurrentPage", "0")), "iot.common.InvalidPageParams",
                "CurrentPage must be 1 or more.");
        assertOk(jobs.listJob(Map.of("PageSize", "50", "CurrentPage", "1")));
    }

    @Test
    void shouldFilterByTheDocumentedJobStates() {
        Map<String, String> scheduled = DeviceJobCalls.productJob("a1LightProd");
        scheduled.put("ScheduledTime", Long.toString(clock.instant().plus(Duration.ofMinutes(10)).toEpochMilli()));
        String waiting = jobs.createdJobId(scheduled);
        String running = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50", "Status", "WAITING")))))
                .containsExactly(waiting);
        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50", "Status", "IN_PROGRESS")))))
                .containsExactly(running);
        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50", "Status", "TIMED_OUT"))))).isEmpty();
        clock.advance(RUN);
        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50", "Status", "COMPLETED")))))
                .containsExactly(running);
        assertRefused(jobs.listJob(Map.of("PageSize", "50", "Status", "RUNNING")),
                "iot.common.InvalidFormattedParameter", "Status must be one of INITIALIZING, WAITING");
    }

    @Test
    void shouldListOnlyTheCallersJobsInTheGivenInstance() {
        String own = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        Map<String, String> inInstance = DeviceJobCalls.productJob("a1LightProd");
        inInstance.put("IotInstanceId", "iot-cn-instanceA");
        String ownInInstance = jobs.createdJobId(inInstance);
        otherAccount.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50"))))).containsExactly(own);
        assertThat(ids(assertOk(jobs.listJob(Map.of("PageSize", "50", "IotInstanceId", "iot-cn-instanceA")))))
                .containsExactly(ownInInstance);
    }
}
