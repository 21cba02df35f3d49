package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.aliyun.iot20180120.Client;
import com.aliyun.iot20180120.models.CreateDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.CreateDeviceDistributeJobRequest.CreateDeviceDistributeJobRequestTargetInstanceConfig;
import com.aliyun.iot20180120.models.CreateDeviceDistributeJobResponse;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobResponseBody;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobResponseBody.ListDeviceDistributeJobResponseBodyData;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobResponseBody.ListDeviceDistributeJobResponseBodyDataJobInfoItems;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobResponseBody.ListDeviceDistributeJobResponseBodyDataJobInfoItemsTargetInstanceConfigsTargetInstanceConfigs;
import com.aliyun.iot20180120.models.QueryDeviceDistributeDetailRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeDetailResponse;
import com.aliyun.iot20180120.models.QueryDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeJobResponseBody.QueryDeviceDistributeJobResponseBodyData;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device-distribution APIs through the vendor's current SDK ({@code com.aliyun:iot20180120}, V3), including the
 * way it flattens list parameters and the gateway errors it raises.
 */
class OfficialTeaSdkDistributionTest {

    private static final String AK = "tea-ak";
    private static final String SECRET = "tea-secret";

    private final MutableClock clock = OfficialSdkClock.middayInShanghaiToday();
    private VendorSandbox sandbox;

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldCreateQueryAndFetchTheDetailOfADistributionJob() throws Exception {
        Client sdk = start(DeviceJobSettings.DEFAULT_REGION_ID);

        CreateDeviceDistributeJobResponse created = sdk.createDeviceDistributeJob(new CreateDeviceDistributeJobRequest()
                .setProductKey("a1BwAGVdist")
                .setDeviceName(List.of("meter_01", "meter_02", "meter_03"))
                .setSourceInstanceId("iot-cn-source01")
                .setTargetUid("1980000000000042")
                .setStrategy(1)
                .setTargetInstanceConfig(List.of(target("iot-cn-target01"), target("iot-cn-target02"))));
        assertThat(created.getBody().getSuccess()).isTrue();
        String jobId = created.getBody().getJobId();
        assertThat(jobId).hasSize(25);

        QueryDeviceDistributeJobResponseBodyData running = query(sdk, jobId);
        assertThat(running.getJobId()).isEqualTo(jobId);
        assertThat(running.getStatus()).isZero();
        assertThat(running.getGmtCreate()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(running.getProductKey()).isEqualTo("a1BwAGVdist");
        assertThat(running.getSourceInstanceId()).isEqualTo("iot-cn-source01");
        assertThat(running.getSourceUid()).hasSize(16);
        assertThat(running.getTargetUid()).isEqualTo("1980000000000042");
        assertThat(running.getStrategy()).isEqualTo(1);
        assertThat(running.getTotal()).isEqualTo(3);
        assertThat(running.getTargetInstanceConfigs().getTargetInstanceConfigs())
                .extracting(c -> c.getTargetInstanceId())
                .containsExactly("iot-cn-target01", "iot-cn-target02");
        clock.advance(Duration.ofSeconds(1));
        assertThat(query(sdk, jobId).getStatus()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(query(sdk, jobId).getStatus()).isEqualTo(2);

        QueryDeviceDistributeDetailResponse detail = sdk.queryDeviceDistributeDetail(
                new QueryDeviceDistributeDetailRequest().setJobId(jobId));
        assertThat(detail.getBody().getSuccess()).isTrue();
        HttpResponse<String> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(detail.getBody().getFile())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body().lines().skip(1).map(line -> line.split(",")[1]))
                .containsExactly("meter_01", "meter_02", "meter_03");
    }

    @Test
    void shouldListTheSeededJobsPageByPage() throws Exception {
        Client sdk = start(DeviceJobSettings.DEFAULT_REGION_ID);
        List<ListDeviceDistributeJobResponseBodyDataJobInfoItems> items = new ArrayList<>();
        String token = null;
        do {
            ListDeviceDistributeJobResponseBodyData page = sdk.listDeviceDistributeJob(
                    new ListDeviceDistributeJobRequest().setPageSize(2).setNextToken(token)).getBody().getData();
            assertThat(page.getTotal()).isEqualTo(3);
            items.addAll(page.getJobInfo().getItems());
            token = page.getNextToken();
        } while (token != null);

        assertThat(items).extracting(ListDeviceDistributeJobResponseBodyDataJobInfoItems::getJobId)
                .containsExactlyInAnyOrder(SeededDistributeJobs.SEEDED_RUNNING, SeededDistributeJobs.SEEDED_FINISHED,
                        SeededDistributeJobs.SEEDED_ABORTED);
        ListDeviceDistributeJobResponseBodyDataJobInfoItems aborted = items.stream()
                .filter(i -> i.getJobId().equals(SeededDistributeJobs.SEEDED_ABORTED)).findFirst().orElseThrow();
        assertThat(aborted.getStatus()).isEqualTo(3);
        assertThat(aborted.getSourceRegion()).isEqualTo("cn-shanghai");
        assertThat(aborted.getSourceInstanceName()).isNotBlank();
        assertThat(aborted.getTargetInstanceConfigs().getTargetInstanceConfigs().get(0).getTargetRegion())
                .isEqualTo("cn-shanghai");
        assertThat(aborted.getTotal()).isEqualTo(8);
        assertThat(aborted.getGmtCreate()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void shouldFilterAListPageAndFillEveryFieldOfTheSdkModel() throws Exception {
        Client sdk = start(DeviceJobSettings.DEFAULT_REGION_ID);
        String jobId = sdk.createDeviceDistributeJob(new CreateDeviceDistributeJobRequest()
                .setProductKey("a1BwAGVdist")
                .setDeviceName(List.of("meter_01", "meter_02"))
                .setSourceInstanceId("iot-cn-source01")
                .setTargetUid("1980000000000042")
                .setStrategy(0)
                .setTargetInstanceConfig(List.of(target("iot-cn-target01")))).getBody().getJobId();

        ListDeviceDistributeJobResponseBody byTarget = sdk.listDeviceDistributeJob(new ListDeviceDistributeJobRequest()
                .setPageSize(200).setCurrentPage(1).setTargetUid("1980000000000042").setStatus(0)).getBody();
        ListDeviceDistributeJobResponseBody byJobId = sdk.listDeviceDistributeJob(new ListDeviceDistributeJobRequest()
                .setPageSize(200).setJobId(SeededDistributeJobs.SEEDED_FINISHED)).getBody();

        assertThat(byTarget.getSuccess()).isTrue();
        assertThat(byTarget.getData().getTotal()).isEqualTo(1);
        assertThat(byTarget.getData().getNextToken()).isNull();
        ListDeviceDistributeJobResponseBodyDataJobInfoItems item = byTarget.getData().getJobInfo().getItems().get(0);
        assertThat(item.getJobId()).isEqualTo(jobId);
        assertThat(item.getGmtCreate()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(item.getProductKey()).isEqualTo("a1BwAGVdist");
        assertThat(item.getSourceInstanceId()).isEqualTo("iot-cn-source01");
        assertThat(item.getSourceInstanceName()).isNotBlank();
        assertThat(item.getSourceRegion()).isEqualTo("cn-shanghai");
        assertThat(item.getSourceUid()).hasSize(16);
        assertThat(item.getStatus()).isZero();
        assertThat(item.getStrategy()).isZero();
        assertThat(item.getTargetUid()).isEqualTo("1980000000000042");
        assertThat(item.getTotal()).isEqualTo(2);
        ListDeviceDistributeJobResponseBodyDataJobInfoItemsTargetInstanceConfigsTargetInstanceConfigs target =
                item.getTargetInstanceConfigs().getTargetInstanceConfigs().get(0);
        assertThat(target.getTargetInstanceId()).isEqualTo("iot-cn-target01");
        assertThat(target.getTargetInstanceName()).isNotBlank();
        assertThat(target.getTargetRegion()).isEqualTo("cn-shanghai");
        assertThat(byJobId.getData().getJobInfo().getItems())
                .extracting(ListDeviceDistributeJobResponseBodyDataJobInfoItems::getJobId)
                .containsExactly(SeededDistributeJobs.SEEDED_FINISHED);
    }

    @Test
    void shouldAnswerAListWithoutAValidPageSizeWithInvalidPageParams() throws Exception {
        Client sdk = start(DeviceJobSettings.DEFAULT_REGION_ID);

        for (ListDeviceDistributeJobRequest bad : List.of(new ListDeviceDistributeJobRequest(),
                new ListDeviceDistributeJobRequest().setPageSize(201),
                new ListDeviceDistributeJobRequest().setPageSize(0))) {
            ListDeviceDistributeJobResponseBody refused = sdk.listDeviceDistributeJob(bad).getBody();

            assertThat(refused.getSuccess()).isFalse();
            assertThat(refused.getCode()).isEqualTo("iot.common.InvalidPageParams");
            assertThat(refused.getErrorMessage()).contains("PageSize");
            assertThat(refused.getData()).isNull();
        }
    }

    @Test
    void shouldRaiseInvalidApiNotFoundOutsideShanghai() throws Exception {
        Client sdk = start("cn-hangzhou");

        TeaException error = catchThrowableOfType(TeaException.class, () -> sdk.queryDeviceDistributeJob(
                new QueryDeviceDistributeJobRequest().setJobId(SeededDistributeJobs.SEEDED_RUNNING)));

        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getCode()).isEqualTo("InvalidApi.NotFound");
        assertThat(error.getMessage()).contains("Specified api is not found, please check your url and method.");
    }

    @Test
    void shouldRaiseThrottlingUserForTheEleventhQueryInOneSecond() throws Exception {
        Client sdk = start(DeviceJobSettings.DEFAULT_REGION_ID);
        for (int i = 0; i < 10; i++) {
            assertThat(query(sdk, SeededDistributeJobs.SEEDED_FINISHED).getStatus()).isEqualTo(2);
        }

        TeaException error = catchThrowableOfType(TeaException.class,
                () -> query(sdk, SeededDistributeJobs.SEEDED_FINISHED));

        assertThat(error.getCode()).isEqualTo("Throttling.User");
        assertThat(error.getStatusCode()).isEqualTo(400);
    }

    private Client start(String regionId) throws Exception {
        SandboxSettings defaults = SandboxSettings.defaults();
        sandbox = VendorSandbox.start(defaults
                .withCredential(AK, Secret.of(SECRET))
                .withClockSkewAllowed(OfficialSdkClock.SKEW_ALLOWED)
                .withDeviceJobs(defaults.deviceJobs().withRegionId(regionId)), clock);
        return new Client(new Config()
                .setAccessKeyId(AK)
                .setAccessKeySecret(SECRET)
                .setEndpoint("127.0.0.1:" + sandbox.baseUrl().getPort())
                .setProtocol("HTTP"));
    }

    private static QueryDeviceDistributeJobResponseBodyData query(Client sdk, String jobId) throws Exception {
        return sdk.queryDeviceDistributeJob(new QueryDeviceDistributeJobRequest().setJobId(jobId)).getBody().getData();
    }

    private static CreateDeviceDistributeJobRequestTargetInstanceConfig target(String instanceId) {
        return new CreateDeviceDistributeJobRequestTargetInstanceConfig().setTargetInstanceId(instanceId);
    }
}
