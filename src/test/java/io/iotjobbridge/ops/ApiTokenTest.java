package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.RunningBridges;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With {@code bridge.http.token} set, the write side of the status API acts only for a caller who sends it. */
class ApiTokenTest {

    private static final String TOKEN = "s3cret-api-token-for-tests";
    private static final String REQUEST = """
            {"id": "api-token-list", "vendor": "huawei", "account": "default", "operation": "ListBatchTasks",
             "params": {"task_type": "firmwareUpgrade", "limit": 50}}
            """;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldActOnlyForACallerSendingTheConfiguredToken() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.http.token", TOKEN));
        ApiClient anonymous = new ApiClient(bridge.httpUrl(), null);
        ApiClient wrong = anonymous.withAuthorization("Bearer not-the-" + TOKEN);
        ApiClient right = anonymous.withAuthorization("Bearer " + TOKEN);

        ApiClient.Answer missing = anonymous.submit("application/json", REQUEST);
        ApiClient.Answer refused = wrong.submit("application/json", REQUEST);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().path("error").asText()).isEqualTo("unauthorized");
        assertThat(missing.violations()).singleElement().asString().startsWith("Authorization: is required");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.violations()).singleElement().asString().startsWith("Authorization: ")
                .doesNotContain(TOKEN);
        assertThat(bridge.ledger().findByRequestId("api-token-list")).as("nothing recorded").isEmpty();

        ApiClient.Answer accepted = right.submit("application/json", REQUEST);

        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.body().path("jobs").get(0).path("id").asText();
        assertThat(anonymous.cancel(jobId).status()).isEqualTo(401);
        assertThat(wrong.retry(jobId).status()).isEqualTo(401);
        assertThat(bridge.ledger().find(jobId).orElseThrow().state()).isNotEqualTo(JobState.CANCELLED);
    }
}
