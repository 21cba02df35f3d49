package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Device jobs and device distribution through the vendor's classic SDK ({@code aliyun-java-sdk-core}, V1
 * {@code CommonRequest}), with list parameters flattened by hand as its users write them ({@code DeviceName.1}).
 */
class OfficialCoreSdkJobApisTest {

    private static final String AK = "core-ak";
    private static final String SECRET = "core-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = OfficialSdkClock.middayInShanghaiToday();
    private VendorSandbox sandbox;
    private DefaultAcsClient sdk;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults()
                .withCredential(AK, Secret.of(SECRET))
                .withClockSkewAllowed(OfficialSdkClock.SKEW_ALLOWED), clock);
        sdk = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", AK, SECRET));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void shouldCreateAndQueryADeviceJob(MethodType method) throws Exception {
        CommonRequest create = CoreSdkRequests.to(sandbox, method, "CreateJob");
        create.putQueryParameter("JobName", "设备重启_job");
        create.putQueryParameter("JobDocument", "{\"serviceIdentifier\":\"reboot\",\"params\":{}}");
        create.putQueryParameter("TargetConfig", "{\"targetType\":\"GROUP_ID\",\"targetGroup\":\"rY2Gr0up01\"}");
        create.putQueryParameter("Type", "INVOKE_SERVICE");

        JsonNode created = json(sdk.getCommonResponse(create));
        assertThat(created.path("Success").asBoolean()).isTrue();
        String jobId = created.path("JobId").asText();
        assertThat(jobId).hasSize(26);

        CommonRequest query = CoreSdkRequests.to(sandbox, method, "QueryJob");
        query.putQueryParameter("JobId", jobId);
        JsonNode job = json(sdk.getCommonResponse(query)).path("Data");
        assertThat(job.path("JobName").asText()).isEqualTo("设备重启_job");
        assertThat(job.path("TargetConfig").path("TargetType").asText()).isEqualTo("GROUP_ID");
        assertThat(job.path("TargetConfig").path("TargetGroup").asText()).isEqualTo("rY2Gr0up01");
        assertThat(job.path("TimeoutConfig").path("InProgressTimeoutInMinutes").asInt()).isEqualTo(1);
    }

    @Test
    void shouldCreateAndQueryADistributionJobWithRepeatedParameters() throws Exception {
        CommonRequest create = CoreSdkRequests.to(sandbox, MethodType.POST, "CreateDeviceDistributeJob");
        create.putQueryParameter("ProductKey", "a1CoreDist1");
        create.putQueryParameter("DeviceName.1", "pump_01");
        create.putQueryParameter("DeviceName.2", "pump_02");
        create.putQueryParameter("SourceInstanceId", "iot-cn-source01");
        create.putQueryParameter("TargetAliyunId", "someone@example.com");
        create.putQueryParameter("Strategy", "0");
        create.putQueryParameter("TargetInstanceConfig.1.TargetInstanceId", "iot-cn-target01");
        String jobId = json(sdk.getCommonResponse(create)).path("JobId").asText();

        CommonRequest query = CoreSdkRequests.to(sandbox, MethodType.GET, "QueryDeviceDistributeJob");
        query.putQueryParameter("JobId", jobId);
        JsonNode job = json(sdk.getCommonResponse(query)).path("Data");

        assertThat(job.path("Total").asInt()).isEqualTo(2);
        assertThat(job.path("Strategy").asInt()).isZero();
        assertThat(job.path("TargetUid").asText()).hasSize(16);
        assertThat(job.path("TargetInstanceConfigs").path("targetInstanceConfigs").get(0)
                .path("TargetInstanceId").asText()).isEqualTo("iot-cn-target01");
    }

    @Test
    void shouldQueryASeededDistributionJob() throws Exception {
        CommonRequest query = CoreSdkRequests.to(sandbox, MethodType.GET, "QueryDeviceDistributeJob");
        query.putQueryParameter("JobId", SeededDistributeJobs.SEEDED_ABORTED);

        JsonNode body = json(sdk.getCommonResponse(query));

        assertThat(body.path("Success").asBoolean()).isTrue();
        assertThat(body.path("Data").path("Status").asInt()).isEqualTo(3);
    }

    @Test
    void shouldAnswerInXmlWhenAskedTo() throws Exception {
        CommonRequest query = CoreSdkRequests.to(sandbox, MethodType.GET, "QueryDeviceDistributeJob");
        query.putQueryParameter("JobId", SeededDistributeJobs.SEEDED_FINISHED);
        query.setSysAccept(FormatType.XML);

        String xml = sdk.getCommonResponse(query).getData();

        assertThat(xml).contains("<QueryDeviceDistributeJobResponse>", "<Status>2</Status>",
                "<targetInstanceConfigs><TargetInstanceId>");
    }

    @Test
    void shouldRaiseThrottlingUserForTheSixthCreateJobInOneSecond() throws Exception {
        for (int i = 0; i < 5; i++) {
            sdk.getCommonResponse(productJob());
        }

        ClientException error = catchThrowableOfType(ClientException.class,
                () -> sdk.getCommonResponse(productJob()));

        assertThat(error.getErrCode()).isEqualTo("Throttling.User");
        assertThat(error.getErrMsg()).isEqualTo("Request was denied due to user flow control.");
    }

    private CommonRequest productJob() {
        CommonRequest create = CoreSdkRequests.to(sandbox, MethodType.POST, "CreateJob");
        create.putQueryParameter("JobName", "core_job");
        create.putQueryParameter("JobDocument", "{}");
        create.putQueryParameter("TargetConfig", "{\"targetType\":\"PRODUCT_KEY\",\"targetProduct\":\"a1CoreProd1\"}");
        create.putQueryParameter("Type", "CUSTOM_JOB");
        return create;
    }


    private static JsonNode json(CommonResponse response) throws Exception {
        assertThat(response.getHttpStatus()).isEqualTo(200);
        return JSON.readTree(response.getData());
    }
}
