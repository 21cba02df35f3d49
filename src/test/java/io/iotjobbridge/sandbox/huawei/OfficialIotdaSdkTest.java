package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iotda.v5.IoTDAClient;
import com.huaweicloud.sdk.iotda.v5.model.CreateBatchTask;
import com.huaweicloud.sdk.iotda.v5.model.CreateBatchTaskRequest;
import com.huaweicloud.sdk.iotda.v5.model.CreateBatchTaskResponse;
import com.huaweicloud.sdk.iotda.v5.model.ListBatchTasksRequest;
import com.huaweicloud.sdk.iotda.v5.model.ListBatchTasksResponse;
import com.huaweicloud.sdk.iotda.v5.model.ShowBatchTaskRequest;
import com.huaweicloud.sdk.iotda.v5.model.ShowBatchTaskResponse;
import com.huaweicloud.sdk.iotda.v5.model.Task;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vendor's own Java SDK ({@code huaweicloud-sdk-iotda} 3.1.143) against the sandbox, signing once with plain
 * AK/SK ({@code SDK-HMAC-SHA256}) and once with the derived key ({@code V11-HMAC-SHA256}) the SDK uses for instance
 * endpoints. The SDK stamps requests with the real time, so the sandbox clock starts at the real time.
 */
class OfficialIotdaSdkTest {

    private static final String AK = "sdk-ak-0123456789";
    private static final String SK = "sdk-secret-abcdefghij";
    private static final String PROJECT = "0b6a7d3c5e00d2a12f0fc00e4a9c8a21";

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private VendorSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK)), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest(name = "derived signing: {0}")
    @ValueSource(booleans = {false, true})
    void shouldPageThroughBatchTasksWithOffsetThenMarker(boolean derived) {
        IoTDAClient sdk = client(SK, derived);

        ListBatchTasksResponse first = sdk.listBatchTasks(list(40, 0, null));
        ListBatchTasksResponse byOffset = sdk.listBatchTasks(list(40, 40, null));
        ListBatchTasksResponse byMarker = sdk.listBatchTasks(list(40, 0, first.getPage().getMarker()));
        ListBatchTasksResponse beyond = sdk.listBatchTasks(list(40, 0, byMarker.getPage().getMarker()));

        // 60 seeded firmware upgrades: the second page is the same whether reached by offset or by marker
        assertThat(first.getPage().getCount()).isEqualTo(60L);
        assertThat(first.getBatchtasks()).hasSize(40);
        assertThat(ids(byMarker)).hasSize(20).isEqualTo(ids(byOffset));
        assertThat(beyond.getBatchtasks()).isEmpty();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(byMarker));
        assertThat(all).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        Task task = first.getBatchtasks().get(0);
        assertThat(task.getTaskId()).matches("[0-9a-f]{24}");
        assertThat(task.getTaskType()).isEqualTo("firmwareUpgrade");
        assertThat(task.getTaskName()).startsWith("fw-upgrade-");
        assertThat(task.getCreateTime()).matches("\\d{8}T\\d{6}Z");
        assertThat(task.getStatus()).isNotBlank();
        assertThat(task.getTaskProgress().getTotal()).isPositive();
        assertThat(task.getDocument()).isInstanceOf(Map.class);
    }

    @Test
    void shouldSignWithTheDerivedKeyWhenThePredicateSaysSo() {
        // a sandbox in another region refuses derived signatures scoped to cn-north-4, but not plain ones: so the
        // derived runs of these tests really did sign with V11-HMAC-SHA256
        sandbox.close();
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK))
                .withHuawei(SandboxSettings.defaults().huawei().withRegionId("ap-southeast-1")), clock);

        ServiceResponseException derived = catchThrowableOfType(ServiceResponseException.class,
                () -> client(SK, true).listBatchTasks(list(10, 0, null)));
        ListBatchTasksResponse plain = client(SK, false).listBatchTasks(list(10, 0, null));

        assertThat(derived.getErrorCode()).isEqualTo("APIG.0301");
        assertThat(plain.getBatchtasks()).hasSize(10);
    }

    @ParameterizedTest(name = "derived signing: {0}")
    @ValueSource(booleans = {false, true})
    void shouldCreateAndShowABatchTask(boolean derived) {
        IoTDAClient sdk = client(SK, derived);
        CreateBatchTask body = new CreateBatchTask()
                .withTaskName("sdk-reboot")
                .withTaskType("createCommands")
                .withTargets(List.of("dev-1", "dev-2", "dev-3"))
                .withDocument(Map.of("service_id", "Reboot", "command_name", "now", "paras", Map.of()));

        CreateBatchTaskResponse created = sdk.createBatchTask(new CreateBatchTaskRequest().withBody(body));
        clock.advance(Duration.ofSeconds(10));
        ShowBatchTaskResponse shown = sdk.showBatchTask(new ShowBatchTaskRequest().withTaskId(created.getTaskId()));

        assertThat(created.getHttpStatusCode()).isEqualTo(201);
        assertThat(created.getTaskId()).matches("[0-9a-f]{24}");
        assertThat(created.getStatus()).isEqualTo("Initializing");
        assertThat(created.getTargets()).containsExactly("dev-1", "dev-2", "dev-3");
        assertThat(created.getTaskProgress().getTotal()).isEqualTo(3);
        assertThat(shown.getBatchtask().getTaskId()).isEqualTo(created.getTaskId());
        assertThat(shown.getBatchtask().getStatus()).isIn("Success", "PartialSuccess", "Fail");
        assertThat(shown.getTaskDetails()).extracting(d -> d.getTarget()).containsExactly("dev-1", "dev-2", "dev-3");
        assertThat(shown.getTaskDetails()).allSatisfy(d -> assertThat(d.getStatus()).isIn("Success", "Fail"));
        assertThat(shown.getPage().getCount()).isEqualTo(3L);
    }

    @ParameterizedTest(name = "derived signing: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRaiseApig0301ForAWrongSecret(boolean derived) {
        ServiceResponseException error = catchThrowableOfType(ServiceResponseException.class,
                () -> client("not-" + SK, derived).listBatchTasks(list(10, 0, null)));

        assertThat(error.getHttpStatusCode()).isEqualTo(401);
        assertThat(error.getErrorCode()).isEqualTo("APIG.0301");
        assertThat(error.getErrorMsg()).isEqualTo("Incorrect IAM authentication information: verify aksk signature fail");
        assertThat(error.getRequestId()).isNotBlank();
    }

    @ParameterizedTest(name = "derived signing: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRaiseIotda000006ForALimitOutOfRange(boolean derived) {
        ServiceResponseException error = catchThrowableOfType(ServiceResponseException.class,
                () -> client(SK, derived).listBatchTasks(list(51, 0, null)));

        assertThat(error.getHttpStatusCode()).isEqualTo(400);
        assertThat(error.getErrorCode()).isEqualTo("IOTDA.000006");
        assertThat(error.getErrorMsg()).contains("'limit'");
    }

    private static ListBatchTasksRequest list(int limit, int offset, String marker) {
        return new ListBatchTasksRequest().withTaskType("firmwareUpgrade").withLimit(limit).withOffset(offset)
                .withMarker(marker);
    }

    private IoTDAClient client(String secret, boolean derived) {
        BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(secret).withProjectId(PROJECT)
                .withDerivedPredicate(request -> derived);
        String endpoint = "http://127.0.0.1:" + sandbox.baseUrl().getPort();
        return IoTDAClient.newBuilder()
                .withCredential(credentials)
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true))
                .withRegion(new Region("cn-north-4", endpoint))
                .build();
    }

    private static List<String> ids(ListBatchTasksResponse response) {
        return response.getBatchtasks().stream().map(Task::getTaskId).toList();
    }
}
