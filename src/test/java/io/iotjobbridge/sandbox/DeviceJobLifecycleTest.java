package io.iotjobbridge.sandbox;

import static io.iotjobbridge.sandbox.SandboxAssertions.assertOk;
import static io.iotjobbridge.sandbox.SandboxAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreateJob, QueryJob, QueryJobStatistics, ListTask and CancelJob through hand-signed HTTP: a job's progress follows
 * the clock, its statistics agree with its task list, paging visits every task once, and cancelling stops it.
 */
class DeviceJobLifecycleTest {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2025-03-03T04:00:00Z");
    private static final Duration RUN = Duration.ofSeconds(100);
    private static final List<String> TASK_ORDER = List.of("QUEUED", "SENT", "IN_PROGRESS", "DONE");
    private static final Set<String> OUTCOMES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT");

    private final MutableClock clock = new MutableClock(NOON_IN_SHANGHAI);
    private VendorSandbox sandbox;
    private DeviceJobCalls jobs;
    private DeviceJobCalls otherAccount;

    @BeforeEach
    void startSandbox() {
        SandboxSettings defaults = SandboxSettings.defaults();
        // this test is about job behaviour; paging a job many times per clock second needs more than 5 calls a second
        ApiRateLimits unthrottled = ApiRateLimits.documented().with("ListTask", 10_000)
                .with("QueryJobStatistics", 10_000).with("QueryJob", 10_000).with("CreateJob", 10_000);
        sandbox = VendorSandbox.start(defaults
                .withCredentials(Map.of("test-ak", Secret.of("test-secret"), "other-ak", Secret.of("other-secret")))
                .withDeviceJobs(defaults.deviceJobs().withJobRunningFor(RUN).withRateLimits(unthrottled)), clock);
        jobs = new DeviceJobCalls(new RpcTestClient(sandbox.baseUrl(), "test-ak", Secret.of("test-secret"), clock));
        otherAccount = new DeviceJobCalls(
                new RpcTestClient(sandbox.baseUrl(), "other-ak", Secret.of("other-secret"), clock));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldAnswerCreateJobWithTheJobIdBesideTheEnvelope() {
        JsonNode body = assertOk(jobs.create(DeviceJobCalls.productJob("a1LightProd")));

        assertThat(body.path("JobId").asText()).matches("[0-9A-Za-z]{20}010001");
        assertThat(body.path("RequestId").asText()).isNotBlank();
        assertThat(body.has("Data")).isFalse();
    }

    @Test
    void shouldRunFromStartToCompletedOverTheConfiguredTime() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        assertThat(jobs.status(jobId)).isEqualTo("IN_PROGRESS");
        assertThat(jobs.statistics(jobId).path("Queued").asInt()).isEqualTo(2_000);
        clock.advance(RUN.minusMillis(1));
        assertThat(jobs.status(jobId)).isEqualTo("IN_PROGRESS");
        clock.advance(Duration.ofMillis(1));
        assertThat(jobs.status(jobId)).isEqualTo("COMPLETED");
        JsonNode done = jobs.statistics(jobId);
        assertThat(done.path("Total").asInt()).isEqualTo(2_000);
        assertThat(done.path("Succeeded").asInt() + done.path("Failed").asInt() + done.path("TimeOut").asInt())
                .isEqualTo(2_000);
        // about 5% fail and about 1% time out
        assertThat(done.path("Failed").asInt()).isBetween(60, 140);
        assertThat(done.path("TimeOut").asInt()).isBetween(8, 40);
        assertThat(jobs.query(jobId).json().path("Data").path("UtcModified").asText())
                .isEqualTo(VendorCalendar.utc(NOON_IN_SHANGHAI.plus(RUN)));
    }

    @Test
    void shouldMoveEveryTaskForwardThroughQueuedSentAndInProgressToItsOutcome() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        Map<String, Integer> stageOf = new HashMap<>();
        Map<String, String> outcomeOf = new HashMap<>();
        Set<String> statusesSeen = new HashSet<>();

        for (int second = 0; second <= 100; second += 10) {
            for (JsonNode task : jobs.allTasks(jobId)) {
                String taskId = task.path("TaskId").asText();
                String status = task.path("Status").asText();
                int stage = TASK_ORDER.indexOf(OUTCOMES.contains(status) ? "DONE" : status);
                assertThat(stage).as(status).isNotNegative();
                assertThat(stage).as("task %s went back to %s", taskId, status)
                        .isGreaterThanOrEqualTo(stageOf.getOrDefault(taskId, 0));
                stageOf.put(taskId, stage);
                statusesSeen.add(status);
                if (OUTCOMES.contains(status)) {
                    // once ended, a task keeps its outcome
                    assertThat(outcomeOf.putIfAbsent(taskId, status)).isIn(null, status);
                }
            }
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(statusesSeen).contains("QUEUED", "SENT", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT");
        assertThat(outcomeOf).hasSize(2_000);
    }

    @Test
    void shouldReportProgressAndTimesOfEachTask() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(Duration.ofSeconds(60));

        List<JsonNode> tasks = jobs.allTasks(jobId);

        for (JsonNode task : tasks) {
            int progress = Integer.parseInt(task.path("Progress").asText());
            switch (task.path("Status").asText()) {
                case "SUCCEEDED" -> assertThat(progress).isEqualTo(100);
                case "IN_PROGRESS" -> assertThat(progress).isBetween(0, 99);
                default -> assertThat(progress).isZero();
            }
            assertThat(task.path("UtcQueueTime").asText()).isEqualTo(VendorCalendar.utc(NOON_IN_SHANGHAI));
            assertThat(Instant.parse(task.path("UtcModified").asText()))
                    .isBetween(NOON_IN_SHANGHAI, clock.instant());
            assertThat(task.path("ProductKey").asText()).isEqualTo("a1LightProd");
            assertThat(task.path("IotId").asText()).matches("[0-9A-Za-z]{21}00100");
            assertThat(task.path("JobName").asText()).isEqualTo("set_light");
        }
    }

    @Test
    void shouldKeepStatisticsConsistentWithListTaskAtEveryInstant() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        for (int second = 0; second <= 120; second += 15) {
            Map<String, Long> listed = jobs.allTasks(jobId).stream()
                    .collect(Collectors.groupingBy(t -> t.path("Status").asText(), TreeMap::new,
                            Collectors.counting()));
            JsonNode stats = jobs.statistics(jobId);

            assertThat(stats.path("Total").asLong()).isEqualTo(2_000);
            assertThat(stats.path("Queued").asLong()).isEqualTo(listed.getOrDefault("QUEUED", 0L));
            assertThat(stats.path("Sent").asLong()).isEqualTo(listed.getOrDefault("SENT", 0L));
            assertThat(stats.path("InProgress").asLong()).isEqualTo(listed.getOrDefault("IN_PROGRESS", 0L));
            assertThat(stats.path("Succeeded").asLong()).isEqualTo(listed.getOrDefault("SUCCEEDED", 0L));
            assertThat(stats.path("Failed").asLong()).isEqualTo(listed.getOrDefault("FAILED", 0L));
            assertThat(stats.path("TimeOut").asLong()).isEqualTo(listed.getOrDefault("TIMED_OUT", 0L));
            assertThat(stats.path("Rejected").asLong()).isEqualTo(listed.getOrDefault("REJECTED", 0L));
            assertThat(stats.path("Cancelled").asLong()).isEqualTo(listed.getOrDefault("CANCELLED", 0L));
            clock.advance(Duration.ofSeconds(15));
        }
    }

    @Test
    void shouldTellTheSameStoryWhenAskedTwiceAndForTheSameDevicesInAnotherJob() {
        String first = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        String second = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(Duration.ofSeconds(37));

        assertThat(jobs.allTasks(first)).isEqualTo(jobs.allTasks(first));
        clock.advance(RUN);
        assertThat(failedDevices(first)).isNotEmpty().isEqualTo(failedDevices(second));
    }

    @Test
    void shouldListEveryTaskOfATwoThousandDeviceJobExactlyOnce() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(Duration.ofSeconds(40));

        List<JsonNode> tasks = jobs.allTasks(jobId);

        assertThat(tasks).hasSize(2_000);
        assertThat(tasks).extracting(t -> t.path("TaskId").asText()).doesNotHaveDuplicates();
        assertThat(tasks).extracting(t -> t.path("DeviceName").asText()).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[0-9A-Za-z]{20}"));
        assertThat(tasks).extracting(t -> t.path("JobId").asText()).containsOnly(jobId);
    }

    @Test
    void shouldPageTenAtATimeByDefaultAndEndWithoutAToken() {
        String jobId = jobs.createdJobId(DeviceJobCalls.deviceListJob("a1LightProd", "d01", "d02", "d03", "d04",
                "d05", "d06", "d07", "d08", "d09", "d10", "d11", "d12"));

        JsonNode first = assertOk(jobs.listTask(Map.of("JobId", jobId)));
        JsonNode second = assertOk(jobs.listTask(Map.of("JobId", jobId,
                "NextToken", first.path("NextToken").asText())));

        assertThat(first.path("Data").path("data")).hasSize(10);
        assertThat(second.path("Data").path("data")).hasSize(2);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(second.path("Data").path("data").get(1).path("DeviceName").asText()).isEqualTo("d12");
    }

    @Test
    void shouldRefuseALimitOutsideOneToFifty() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        for (String limit : List.of("0", "51", "ten")) {
            assertRefused(jobs.listTask(Map.of("JobId", jobId, "Limit", limit)), "iot.common.InvalidPageParams",
                    "Limit must be 1 to 50");
        }
        assertThat(assertOk(jobs.listTask(Map.of("JobId", jobId, "Limit", "50"))).path("Data").path("data"))
                .hasSize(50);
    }

    @Test
    void shouldHonourANextTokenForOneMinuteOnly() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        String token = assertOk(jobs.listTask(Map.of("JobId", jobId))).path("NextToken").asText();
        clock.advance(Duration.ofSeconds(60));
        JsonNode stillValid = assertOk(jobs.listTask(Map.of("JobId", jobId, "NextToken", token)));
        String nextToken = stillValid.path("NextToken").asText();
        clock.advance(Duration.ofSeconds(60).plusMillis(1));

        assertRefused(jobs.listTask(Map.of("JobId", jobId, "NextToken", nextToken)),
                "iot.common.InvalidPageParams", "expired");
    }

    @Test
    void shouldRefuseAForgedOrForeignNextToken() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        String otherJobId = jobs.createdJobId(DeviceJobCalls.productJob("a1OtherProd"));
        String token = assertOk(jobs.listTask(Map.of("JobId", jobId))).path("NextToken").asText();
        String forged = token.replaceFirst("^.", token.startsWith("M") ? "N" : "M");

        assertRefused(jobs.listTask(Map.of("JobId", jobId, "NextToken", forged)), "iot.common.InvalidPageParams",
                "invalid");
        assertRefused(jobs.listTask(Map.of("JobId", jobId, "NextToken", "made-up")),
                "iot.common.InvalidPageParams", "invalid");
        assertRefused(jobs.listTask(Map.of("JobId", otherJobId, "NextToken", token)),
                "iot.common.InvalidPageParams", "invalid");
        assertRefused(jobs.listTask(Map.of("JobId", jobId, "Status", "FAILED", "NextToken", token)),
                "iot.common.InvalidPageParams", "invalid");
    }

    @Test
    void shouldFilterTasksByStatus() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(RUN);

        List<JsonNode> failed = jobs.allTasks(Map.of("JobId", jobId, "Status", "FAILED"));

        assertThat(failed).isNotEmpty().allMatch(t -> t.path("Status").asText().equals("FAILED"));
        assertThat(failed).hasSize(jobs.statistics(jobId).path("Failed").asInt());
        assertRefused(jobs.listTask(Map.of("JobId", jobId, "Status", "DONE")), "iot.common.InvalidFormattedParameter",
                "Status must be one of");
    }

    @Test
    void shouldListOneDevicesTasksAcrossJobs() {
        String first = jobs.createdJobId(DeviceJobCalls.deviceListJob("a1LightProd", "lamp_1", "lamp_2"));
        jobs.createdJobId(DeviceJobCalls.deviceListJob("a1LightProd", "lamp_3"));
        clock.advance(Duration.ofSeconds(1));
        String second = jobs.createdJobId(DeviceJobCalls.deviceListJob("a1LightProd", "lamp_2"));

        List<JsonNode> byName = jobs.allTasks(Map.of("Device",
                "{\"ProductKey\":\"a1LightProd\",\"DeviceName\":\"lamp_2\"}"));
        String iotId = byName.get(0).path("IotId").asText();
        List<JsonNode> byIotId = jobs.allTasks(Map.of("Device", "{\"IotId\":\"" + iotId + "\"}"));

        assertThat(byName).extracting(t -> t.path("JobId").asText()).containsExactly(first, second);
        assertThat(byIotId).isEqualTo(byName);
        assertRefused(jobs.listTask(Map.of("Device", "{\"ProductKey\":\"a1LightProd\"}")),
                "iot.common.InvalidFormattedParameter", "Device needs");
        assertRefused(jobs.listTask(Map.of()), "iot.common.InvalidFormattedParameter", "JobId or Device");
    }

    @Test
    void shouldHoldAScheduledJobUntilItsTime() {
        Instant start = clock.instant().plus(Duration.ofMinutes(10));
        Map<String, String> params = DeviceJobCalls.productJob("a1LightProd");
        params.put("ScheduledTime", Long.toString(start.toEpochMilli()));
        String jobId = jobs.createdJobId(params);

        assertThat(jobs.status(jobId)).isEqualTo("WAITING");
        assertThat(jobs.query(jobId).json().path("Data").path("ScheduledTime").asLong())
                .isEqualTo(start.toEpochMilli());
        clock.set(start.minusMillis(1));
        assertThat(jobs.status(jobId)).isEqualTo("WAITING");
        assertThat(jobs.statistics(jobId).path("Queued").asInt()).isEqualTo(2_000);
        clock.set(start);
        assertThat(jobs.status(jobId)).isEqualTo("IN_PROGRESS");
        clock.set(start.plus(RUN));
        assertThat(jobs.status(jobId)).isEqualTo("COMPLETED");
    }

    @Test
    void shouldCancelTheUnfinishedTasksOfARunningJob() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(Duration.ofSeconds(50));
        Map<String, String> before = statusByTask(jobId);

        assertOk(jobs.cancel(jobId));

        assertThat(jobs.status(jobId)).isEqualTo("CANCELLING");
        Map<String, String> after = statusByTask(jobId);
        before.forEach((taskId, status) -> assertThat(after.get(taskId))
                .isEqualTo(OUTCOMES.contains(status) ? status : "CANCELLED"));
        assertThat(after.values()).contains("CANCELLED", "SUCCEEDED");
        clock.advance(DeviceJob.CANCELLING_FOR);
        assertThat(jobs.status(jobId)).isEqualTo("CANCELLED");
        clock.advance(RUN);
        // nothing moves after a cancel
        assertThat(statusByTask(jobId)).isEqualTo(after);
        assertThat(jobs.statistics(jobId).path("Cancelled").asLong())
                .isEqualTo(after.values().stream().filter("CANCELLED"::equals).count());
    }

    @Test
    void shouldCancelAScheduledJobBeforeItStarts() {
        Map<String, String> params = DeviceJobCalls.productJob("a1LightProd");
        params.put("ScheduledTime", Long.toString(clock.instant().plus(Duration.ofHours(1)).toEpochMilli()));
        String jobId = jobs.createdJobId(params);

        assertOk(jobs.cancel(jobId));
        clock.advance(Duration.ofHours(2));

        assertThat(jobs.status(jobId)).isEqualTo("CANCELLED");
        assertThat(jobs.statistics(jobId).path("Cancelled").asInt()).isEqualTo(2_000);
    }

    @Test
    void shouldRefuseToCancelAJobThatIsCancellingCancelledOrCompleted() {
        String cancelling = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        assertOk(jobs.cancel(cancelling));
        assertRefused(jobs.cancel(cancelling), "iot.system.IllegalRequest", "CANCELLING");

        clock.advance(DeviceJob.CANCELLING_FOR);
        assertRefused(jobs.cancel(cancelling), "iot.system.IllegalRequest", "CANCELLED");

        String completed = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));
        clock.advance(RUN);
        assertRefused(jobs.cancel(completed), "iot.system.IllegalRequest", "COMPLETED");
    }

    @Test
    void shouldTreatAnUnknownOrForeignJobAsNotExisting() {
        String jobId = jobs.createdJobId(DeviceJobCalls.productJob("a1LightProd"));

        assertRefused(jobs.query("NoSuchJob00000000000010001"), "iot.system.IllegalRequest", "does not exist");
        assertRefused(otherAccount.query(jobId), "iot.system.IllegalRequest", "does not exist");
        assertRefused(otherAccount.cancel(jobId), "iot.system.IllegalRequest", "does not exist");
        assertRefused(otherAccount.listTask(Map.of("JobId", jobId)), "iot.system.IllegalRequest", "does not exist");
        assertThat(jobs.status(jobId)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void shouldKeepJobsOfOneInstanceApartFromAnother() {
        Map<String, String> params = DeviceJobCalls.productJob("a1LightProd");
        params.put("IotInstanceId", "iot-cn-instanceA");
        String jobId = jobs.createdJobId(params);

        assertRefused(jobs.query(jobId), "iot.system.IllegalRequest", "does not exist");
        assertOk(jobs.listTask(Map.of("JobId", jobId, "IotInstanceId", "iot-cn-instanceA")));
    }

    @Test
    void shouldDescribeEveryFieldOfACustomJob() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("JobName", "custom_upgrade");
        params.put("JobDocument", "{\"key\":\"value\"}");
        params.put("TargetConfig", "{\"TargetType\":\"DEVICE_LIST\",\"TargetDevices\":"
                + "[{\"ProductKey\":\"a1Pk0000001\",\"DeviceName\":\"door\"}]}");
        params.put("Type", "CUSTOM_JOB");
        params.put("Description", "custom with file");
        params.put("JobFile", "{\"fileKey\":\"5cc34f9/tazJ\",\"signMethod\":\"Sha256\",\"sign\":\"abc123\"}");
        params.put("TimeoutConfig", "{\"inProgressTimeoutInMinutes\":120}");
        params.put("RolloutConfig", "{\"maximumPerMinute\":100,\"messageQoS\":\"QoS1\"}");
        String jobId = jobs.createdJobId(params);

        JsonNode data = jobs.query(jobId).json().path("Data");

        assertThat(data.path("Type").asText()).isEqualTo("CUSTOM_JOB");
        assertThat(data.path("Description").asText()).isEqualTo("custom with file");
        assertThat(data.path("JobDocument").asText()).isEqualTo("{\"key\":\"value\"}");
        assertThat(data.path("UtcCreate").asText()).isEqualTo("2025-03-03T04:00:00.000Z");
        assertThat(data.path("JobFile").path("Sign").asText()).isEqualTo("abc123");
        assertThat(data.path("JobFile").path("SignMethod").asText()).isEqualTo("Sha256");
        assertThat(data.path("TimeoutConfig").path("InProgressTimeoutInMinutes").asInt()).isEqualTo(120);
        assertThat(data.path("RolloutConfig").path("MaximumPerMinute").asInt()).isEqualTo(100);
        assertThat(data.path("RolloutConfig").path("MessageQoS").asText()).isEqualTo("QoS1");
        assertThat(data.path("TargetConfig").path("TargetType").asText()).isEqualTo("DEVICE_LIST");
        // the inner list key is lower-case, as QueryJobResponseBody names it
        JsonNode device = data.path("TargetConfig").path("TargetDevices").path("targetDevices").get(0);
        assertThat(device.path("ProductKey").asText()).isEqualTo("a1Pk0000001");
        assertThat(device.path("DeviceName").asText()).isEqualTo("door");
    }

    private Map<String, String> statusByTask(String jobId) {
        Map<String, String> statuses = new TreeMap<>();
        jobs.allTasks(jobId).forEach(t -> statuses.put(t.path("TaskId").asText(), t.path("Status").asText()));
        return statuses;
    }

    private Set<String> failedDevices(String jobId) {
        return jobs.allTasks(Map.of("JobId", jobId, "Status", "FAILED")).stream()
                .map(t -> t.path("DeviceName").asText())
                .collect(Collectors.toSet());
    }
}
