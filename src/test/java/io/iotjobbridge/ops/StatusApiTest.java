package io.iotjobbridge.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read side of the status API, through the running bridge: lists, filters, one job's detail, the overview. One
 * bridge with a token serves every test; it has delivered the sample once, with one throttled status check.
 */
class StatusApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String REQUEST_ID = "product-info-2022-07-20";
    private static final String TOKEN = "test-token-0123456789";

    @TempDir
    static Path dataDir;

    private static RunningBridge bridge;
    private static ApiClient api;

    @BeforeAll
    static void deliverSample() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of("bridge.http.token", TOKEN,
                "bridge.sandbox.faults.aliyun.GetDownloadFile", "throttle"));
        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(REQUEST_ID)
                .map(job -> job.state() == JobState.DELIVERED).orElse(false));
        api = new ApiClient(bridge.httpUrl(), TOKEN);
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void shouldShowAJobWithItsHistoryCallsAndFiles() throws Exception {
        String jobId = bridge.job(REQUEST_ID).id();

        ApiClient.Answer byRequestId = api.get("/api/jobs/" + REQUEST_ID);
        ApiClient.Answer byJobId = api.get("/api/jobs/" + jobId);

        assertThat(byRequestId.status()).isEqualTo(200);
        assertThat(byRequestId.contentType()).startsWith("application/json");
        assertThat(byJobId.body()).isEqualTo(byRequestId.body());
        JsonNode job = byRequestId.body().get("job");
        assertThat(job.get("id").asText()).isEqualTo(jobId);
        assertThat(job.get("vendor").asText()).isEqualTo("aliyun");
        assertThat(job.get("operation").asText()).isEqualTo("CreateDownloadDataJob");
        assertThat(job.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.has("waitingFor")).as("absent values are written as null").isTrue();
        assertThat(byRequestId.body().get("history")).extracting(t -> t.get("state").asText()).containsExactly(
                "RECEIVED", "SUBMITTING", "SUBMITTED", "RUNNING", "DOWNLOADING", "DELIVERED");
        assertThat(byRequestId.body().get("files")).hasSize(1);
        assertThat(byRequestId.body().get("files").get(0).get("sizeBytes").asLong()).isPositive();
        JsonNode calls = byRequestId.body().get("calls");
        assertThat(calls).extracting(c -> c.get("action").asText())
                .contains("CreateDownloadDataJob", "GetDownloadFile");
        assertThat(calls).as("the throttled status check is among the job's calls").anySatisfy(call -> {
            assertThat(call.get("action").asText()).isEqualTo("GetDownloadFile");
            assertThat(call.get("outcome").asText()).isEqualTo("throttled");
            assertThat(call.get("code").asText()).isEqualTo("Throttling.User");
        });
        assertThat(calls).filteredOn(c -> c.get("outcome").asText().equals("ok")).isNotEmpty();
    }

    @Test
    void shouldListAndFilterJobs() throws Exception {

        assertThat(api.get("/api/jobs").body().get("jobs")).extracting(j -> j.get("requestId").asText())
                .containsExactly(REQUEST_ID);
        assertThat(api.get("/api/jobs?state=DELIVERED,FAILED&vendor=aliyun&operation=CreateDownloadDataJob")
                .body().get("jobs")).hasSize(1);
        assertThat(api.get("/api/jobs?state=running").body().get("jobs")).isEmpty();
        assertThat(api.get("/api/jobs?vendor=huawei").body().get("jobs")).isEmpty();
        assertThat(api.get("/api/jobs?since=2999-01-01T00:00:00Z").body().get("jobs")).isEmpty();
        assertThat(api.get("/api/jobs?until=2000-01-01T00:00:00Z").body().get("jobs")).isEmpty();
        assertThat(api.get("/api/jobs?limit=1").body().get("limit").asInt()).isEqualTo(1);
    }

    @Test
    void shouldNameTheParameterThatBreaksItsRule() throws Exception {

        ApiClient.Answer answer = api.get("/api/jobs?state=DONE&vendor=aws&since=yesterday&limit=5000");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("violations")).extracting(v -> v.get("field").asText())
                .containsExactly("state", "vendor", "since", "limit");
        assertThat(answer.body().get("violations").get(0).get("rule").asText()).contains("DELIVERED").contains("'DONE'");
        ApiClient.Answer unknown = api.get("/api/jobs/no-such-job");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("violations").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void shouldShowCallRatesAgainstLimitsAndTheLastErrors() throws Exception {

        JsonNode overview = api.get("/api/overview").body();

        assertThat(overview.get("jobsByState").get("DELIVERED").asInt()).isEqualTo(1);
        assertThat(overview.get("jobsByState").get("FAILED").asInt()).isZero();
        assertThat(overview.get("vendorCalls")).anySatisfy(api1 -> {
            assertThat(api1.get("action").asText()).isEqualTo("GetDownloadFile");
            assertThat(api1.get("limitPerSecond").asInt()).isPositive();
            assertThat(api1.get("callsLastMinute").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(api1.get("throttledLastMinute").asInt()).isEqualTo(1);
            assertThat(api1.get("peakPerSecondLastMinute").asInt()).isBetween(1, api1.get("callsLastMinute").asInt());
        });
        assertThat(overview.get("lastErrors")).anySatisfy(error -> {
            assertThat(error.get("code").asText()).isEqualTo("Throttling.User");
            assertThat(error.get("requestId").asText()).isEqualTo(REQUEST_ID);
        });
    }

    @Test
    void shouldAskForTheTokenWhenOneIsConfigured() throws Exception {
        ApiClient.Answer missing = new ApiClient(bridge.httpUrl(), null).get("/api/jobs");
        ApiClient.Answer wrong = new ApiClient(bridge.httpUrl(), "wrong-token-0123456789").get("/api/overview");
        ApiClient.Answer right = new ApiClient(bridge.httpUrl(), TOKEN).get("/api/jobs/" + REQUEST_ID);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("violations").get(0).get("field").asText()).isEqualTo("Authorization");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().toString()).doesNotContain(TOKEN).doesNotContain("wrong-token");
        assertThat(right.status()).isEqualTo(200);
        for (ApiClient.Answer answer : List.of(missing, wrong, right)) {
            assertThat(answer.headers().map().keySet()).as("request headers are not sent back")
                    .noneMatch(name -> name.equalsIgnoreCase("Authorization"));
            assertThat(answer.headers().map().toString()).doesNotContain(TOKEN).doesNotContain("wrong-token");
        }
        assertThat(api.get("/api/jobs?state=DELIVERED").headers().map().keySet())
                .as("query parameters do not come back as headers either").noneMatch("state"::equalsIgnoreCase);
        assertThat(new ApiClient(bridge.httpUrl(), null).get("/observe/health/live").status())
                .as("health stays open for probes").isEqualTo(200);
    }
}
