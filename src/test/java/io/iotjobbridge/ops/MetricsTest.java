package io.iotjobbridge.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.RunningBridges;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Prometheus endpoint after a real run: the bridge's own meters and Camel's route metrics. */
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String REQUEST_ID = "product-info-2022-07-20";
    private static final Map<String, String> DOWNLOAD = Map.of("vendor", "aliyun", "operation", "CreateDownloadDataJob");

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldCountJobsCallsStatusUpdatesDeliveriesAndQuotaWaits() throws Exception {
        bridge = bridges.start(dataDir, Map.of(
                // one quota refusal, then one throttled status check, both recovered from
                "bridge.sandbox.faults.aliyun.CreateDownloadDataJob",
                "error:iot.dap.insight.processDownloadJobMoreConcurrenceCount,ok",
                "bridge.sandbox.faults.aliyun.GetDownloadFile", "throttle",
                // statuses come from checks, not pushes, in this run
                "bridge.push.enabled", "false",
                "bridge.metrics.refresh-ms", "100"));
        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(REQUEST_ID)
                .map(job -> job.state() == JobState.DELIVERED).orElse(false));
        ApiClient api = new ApiClient(bridge.httpUrl(), null);

        await().atMost(WAIT).until(() -> PrometheusText.value(scrape(api), "bridge_jobs",
                Map.of("state", "DELIVERED", "vendor", "aliyun")).orElse(0) == 1.0);
        String scrape = scrape(api);

        assertThat(count(scrape, "bridge_vendor_calls_total", "CreateDownloadDataJob", "quota")).isEqualTo(1);
        assertThat(count(scrape, "bridge_vendor_calls_total", "CreateDownloadDataJob", "ok")).isEqualTo(1);
        assertThat(count(scrape, "bridge_vendor_calls_total", "GetDownloadFile", "throttled")).isEqualTo(1);
        assertThat(count(scrape, "bridge_vendor_calls_total", "GetDownloadFile", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "bridge_quota_waits_total", Map.of("by", "vendor"))).isEqualTo(1);
        assertThat(value(scrape, "bridge_status_updates_total", Map.of("source", "poll"))).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "bridge_delivery_lag_seconds_count", Map.of())).isEqualTo(1);
        long delivered = bridge.ledger().files(bridge.job(REQUEST_ID).id()).get(0).sizeBytes();
        assertThat(value(scrape, "bridge_delivered_bytes_total", Map.of("destination", "default")))
                .isEqualTo(delivered);
        assertThat(PrometheusText.value(scrape, "camel_exchanges_total", Map.of("routeId", "trigger-file-drop")))
                .as("Camel's route metrics are on the same endpoint").hasValue(1.0);
        assertThat(scrape).as("JVM meters").contains("jvm_memory_used_bytes");
    }

    private static String scrape(ApiClient api) throws Exception {
        ApiClient.Answer answer = api.get("/observe/metrics");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().asText();
    }

    private static double count(String scrape, String name, String action, String outcome) {
        return PrometheusText.value(scrape, name, Map.of("action", action, "outcome", outcome)).orElse(0);
    }

    private static double value(String scrape, String name, Map<String, String> labels) {
        Map<String, String> all = new java.util.HashMap<>(DOWNLOAD);
        all.putAll(labels);
        return PrometheusText.value(scrape, name, all).orElseThrow(() -> new AssertionError(name + all + " missing"));
    }
}
