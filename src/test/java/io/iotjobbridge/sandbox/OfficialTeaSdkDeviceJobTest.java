package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aliyun.iot20180120.Client;
import com.aliyun.iot20180120.models.CancelJobRequest;
import com.aliyun.iot20180120.models.CancelJobResponse;
import com.aliyun.iot20180120.models.CreateJobRequest;
import com.aliyun.iot20180120.models.CreateJobResponse;
import com.aliyun.iot20180120.models.ListJobRequest;
import com.aliyun.iot20180120.models.ListJobResponseBody;
import com.aliyun.iot20180120.models.ListJobResponseBody.ListJobResponseBodyDataData;
import com.aliyun.iot20180120.models.ListTaskRequest;
import com.aliyun.iot20180120.models.ListTaskResponse;
import com.aliyun.iot20180120.models.ListTaskResponseBody.ListTaskResponseBodyDataData;
import com.aliyun.iot20180120.models.QueryJobRequest;
import com.aliyun.iot20180120.models.QueryJobResponseBody.QueryJobResponseBodyData;
import com.aliyun.iot20180120.models.QueryJobStatisticsRequest;
import com.aliyun.iot20180120.models.QueryJobStatisticsResponseBody.QueryJobStatisticsResponseBodyData;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device-job APIs through the vendor's current SDK ({@code com.aliyun:iot20180120}, V3): its response models must
 * find every field where the sandbox puts it, and its errors must carry the sandbox's codes.
 */
class OfficialTeaSdkDeviceJobTest {

    private static final String AK = "tea-ak";
    private static final String SECRET = "tea-secret";
    private static final String INSTANCE = "iot-cn-sandbox01";

    private final MutableClock clock = OfficialSdkClock.middayInShanghaiToday();
    private VendorSandbox sandbox;
    private Client sdk;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential(AK, Secret.of(SECRET))
                .withClockSkewAllowed(OfficialSdkClock.SKEW_ALLOWED), clock);
        sdk = new Client(new Config()
                .setAccessKeyId(AK)
                .setAccessKeySecret(SECRET)
                .setEndpoint("127.0.0.1:" + sandbox.baseUrl().getPort())
                .setProtocol("HTTP"));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldCreateAndDescribeADeviceListJob() throws Exception {
        CreateJobResponse created = sdk.createJob(new CreateJobRequest()
                .setJobName("invoke_reboot")
                .setJobDocument("{\"serviceIdentifier\":\"reboot\",\"params\":{\"delay\":5}}")
                .setTargetConfig(Map.of("targetType", "DEVICE_LIST", "targetDevices", List.of(
                        Map.of("ProductKey", "a1BwAGVtest", "DeviceName", "light_01"),
                        Map.of("ProductKey", "a1BwAGVtest", "DeviceName", "light_02"))))
                .setType("INVOKE_SERVICE")
                .setDescription("reboot two lights")
                .setTimeoutConfig(Map.of("inProgressTimeoutInMinutes", 3))
                .setRolloutConfig(Map.of("maximumPerMinute", 500))
                .setIotInstanceId(INSTANCE));
        assertThat(created.getStatusCode()).isEqualTo(200);
        assertThat(created.getBody().getSuccess()).isTrue();
        String jobId = created.getBody().getJobId();
        assertThat(jobId).hasSize(26).endsWith("010001");

        QueryJobResponseBodyData job = sdk.queryJob(new QueryJobRequest().setJobId(jobId).setIotInstanceId(INSTANCE))
                .getBody().getData();

        assertThat(job.getJobId()).isEqualTo(jobId);
        assertThat(job.getJobName()).isEqualTo("invoke_reboot");
        assertThat(job.getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(job.getType()).isEqualTo("INVOKE_SERVICE");
        assertThat(job.getDescription()).isEqualTo("reboot two lights");
        assertThat(job.getJobDocument()).contains("reboot");
        assertThat(job.getUtcCreate()).isEqualTo(VendorCalendar.utc(clock.instant()));
        assertThat(job.getUtcModified()).isNotBlank();
        assertThat(job.getRolloutConfig().getMaximumPerMinute()).isEqualTo(500);
        assertThat(job.getTimeoutConfig().getInProgressTimeoutInMinutes()).isEqualTo(3);
        assertThat(job.getTargetConfig().getTargetType()).isEqualTo("DEVICE_LIST");
        assertThat(job.getTargetConfig().getTargetDevices().getTargetDevices())
                .extracting(d -> d.getProductKey() + "/" + d.getDeviceName())
                .containsExactly("a1BwAGVtest/light_01", "a1BwAGVtest/light_02");
    }

    @Test
    void shouldPageThroughEveryTaskOfAProductJobAndMatchItsStatistics() throws Exception {
        String jobId = sdk.createJob(productJob("a1FleetTest")).getBody().getJobId();
        // the default run is 3 s; once over, the task states no longer change while the pages are read
        clock.advance(Duration.ofSeconds(4));

        QueryJobStatisticsResponseBodyData stats = sdk.queryJobStatistics(
                new QueryJobStatisticsRequest().setJobId(jobId)).getBody().getData();
        List<ListTaskResponseBodyDataData> tasks = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            // one page a second keeps within ListTask's documented 5 calls per second
            clock.advance(Duration.ofSeconds(1));
            ListTaskResponse page = sdk.listTask(new ListTaskRequest().setJobId(jobId).setLimit(50)
                    .setNextToken(token));
            assertThat(page.getBody().getSuccess()).isTrue();
            tasks.addAll(page.getBody().getData().getData());
            token = page.getBody().getNextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(40);
        assertThat(tasks).hasSize(2_000);
        assertThat(tasks).extracting(ListTaskResponseBodyDataData::getTaskId).doesNotHaveDuplicates();
        assertThat(tasks).extracting(ListTaskResponseBodyDataData::getDeviceName).doesNotHaveDuplicates();
        ListTaskResponseBodyDataData first = tasks.get(0);
        assertThat(first.getJobId()).isEqualTo(jobId);
        assertThat(first.getJobName()).isEqualTo("fleet_job");
        assertThat(first.getProductKey()).isEqualTo("a1FleetTest");
        assertThat(first.getIotId()).hasSize(26);
        assertThat(first.getUtcQueueTime()).isNotBlank();
        assertThat(first.getUtcModified()).isNotBlank();
        Map<String, Integer> byStatus = new HashMap<>();
        tasks.forEach(t -> byStatus.merge(t.getStatus(), 1, Integer::sum));
        assertThat(stats.getTotal()).isEqualTo(2_000);
        assertThat(stats.getSucceeded()).isEqualTo(byStatus.getOrDefault("SUCCEEDED", 0));
        assertThat(stats.getFailed()).isEqualTo(byStatus.getOrDefault("FAILED", 0)).isPositive();
        assertThat(stats.getTimeOut()).isEqualTo(byStatus.getOrDefault("TIMED_OUT", 0)).isPositive();
        assertThat(stats.getQueued() + stats.getSent() + stats.getInProgress() + stats.getRejected()
                + stats.getCancelled()).isZero();
        Set<String> progress = new HashSet<>();
        tasks.stream().filter(t -> "SUCCEEDED".equals(t.getStatus())).forEach(t -> progress.add(t.getProgress()));
        assertThat(progress).containsExactly("100");
    }

    @Test
    void shouldListJobsNewestFirstInTheModelTheSdkParses() throws Exception {
        String older = sdk.createJob(productJob("a1ListOne01").setDescription("first")
                .setIotInstanceId(INSTANCE)).getBody().getJobId();
        Instant olderCreated = clock.instant();
        clock.advance(Duration.ofSeconds(2));
        long scheduled = clock.instant().plus(Duration.ofMinutes(30)).toEpochMilli();
        String newer = sdk.createJob(productJob("a1ListTwo02").setScheduledTime(scheduled)
                .setIotInstanceId(INSTANCE)).getBody().getJobId();

        ListJobResponseBody body = sdk.listJob(new ListJobRequest().setIotInstanceId(INSTANCE).setPageSize(1)
                .setCurrentPage(2)).getBody();

        assertThat(body.getSuccess()).isTrue();
        assertThat(body.getPage()).isEqualTo(2);
        assertThat(body.getPageSize()).isEqualTo(1);
        assertThat(body.getTotal()).isEqualTo(2);
        assertThat(body.getData().getData()).hasSize(1);
        ListJobResponseBodyDataData job = body.getData().getData().get(0);
        assertThat(job.getJobId()).isEqualTo(older);
        assertThat(job.getJobName()).isEqualTo("fleet_job");
        assertThat(job.getDescription()).isEqualTo("first");
        assertThat(job.getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(job.getType()).isEqualTo("SET_PROPERTY");
        assertThat(job.getUtcCreate()).isEqualTo(VendorCalendar.utc(olderCreated));
        assertThat(job.getUtcModified()).isNotBlank();
        List<ListJobResponseBodyDataData> waiting = sdk.listJob(new ListJobRequest().setIotInstanceId(INSTANCE)
                .setPageSize(50).setStatus("WAITING")).getBody().getData().getData();
        assertThat(waiting).extracting(ListJobResponseBodyDataData::getJobId).containsExactly(newer);
        assertThat(waiting.get(0).getScheduledTime()).isEqualTo(scheduled);
        var refused = sdk.listJob(new ListJobRequest().setPageSize(51)).getBody();
        assertThat(refused.getSuccess()).isFalse();
        assertThat(refused.getCode()).isEqualTo("iot.common.InvalidPageParams");
    }

    @Test
    void shouldCancelARunningJob() throws Exception {
        String jobId = sdk.createJob(productJob("a1CancelMe1")).getBody().getJobId();
        clock.advance(Duration.ofMillis(1_500));

        CancelJobResponse cancelled = sdk.cancelJob(new CancelJobRequest().setJobId(jobId));

        assertThat(cancelled.getBody().getSuccess()).isTrue();
        assertThat(status(jobId)).isEqualTo("CANCELLING");
        CancelJobResponse again = sdk.cancelJob(new CancelJobRequest().setJobId(jobId));
        assertThat(again.getBody().getSuccess()).isFalse();
        assertThat(again.getBody().getCode()).isEqualTo("iot.system.IllegalRequest");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(jobId)).isEqualTo("CANCELLED");
        QueryJobStatisticsResponseBodyData stats = sdk.queryJobStatistics(
                new QueryJobStatisticsRequest().setJobId(jobId)).getBody().getData();
        assertThat(stats.getCancelled()).isPositive();
        assertThat(stats.getCancelled() + stats.getSucceeded() + stats.getFailed() + stats.getTimeOut())
                .isEqualTo(2_000);
    }

    @Test
    void shouldReportAnUnknownJobInTheBodyNotAsAnException() throws Exception {
        var answer = sdk.queryJob(new QueryJobRequest().setJobId("NoSuchJob0000000000000010001"));

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getBody().getSuccess()).isFalse();
        assertThat(answer.getBody().getCode()).isEqualTo("iot.system.IllegalRequest");
        assertThat(answer.getBody().getErrorMessage()).contains("NoSuchJob");
    }

    @Test
    void shouldRaiseThrottlingUserForTheSixthCreateJobInOneSecond() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(sdk.createJob(productJob("a1Throttle" + i)).getBody().getSuccess()).isTrue();
        }

        TeaException error = catchThrowableOfType(TeaException.class, () -> sdk.createJob(productJob("a1Throttle5")));

        assertThat(error.getCode()).isEqualTo("Throttling.User");
        assertThat(error.getMessage()).contains("Request was denied due to user flow control.");
        assertThat(error.getStatusCode()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sdk.createJob(productJob("a1Throttle6")).getBody().getSuccess()).isTrue();
    }

    private String status(String jobId) throws Exception {
        return sdk.queryJob(new QueryJobRequest().setJobId(jobId)).getBody().getData().getStatus();
    }

    private static CreateJobRequest productJob(String productKey) {
        return new CreateJobRequest()
                .setJobName("fleet_job")
                .setJobDocument("{\"params\":{\"LightSwitch\":1}}")
                .setTargetConfig(Map.of("targetType", "PRODUCT_KEY", "targetProduct", productKey))
                .setType("SET_PROPERTY");
    }
}
