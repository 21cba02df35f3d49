package io.iotjobbridge.cli;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.iotjobbridge.cli.FakeBridge.job;
import static io.iotjobbridge.cli.FakeBridge.quote;
import static io.iotjobbridge.cli.FakeBridge.reply;
import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    private static final Map<String, String> ENV = Map.of("BRIDGE_HTTP_TOKEN", "status-test-token-0123456789");

    private FakeBridge bridge;

    @BeforeEach
    void start() throws Exception {
        bridge = new FakeBridge();
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void shouldListTheNewestJobsAsATableFilteredByState() {
        bridge.on("GET", "/api/jobs?state=RUNNING%2CFAILED&limit=5", reply(200, "{\"limit\":5,\"jobs\":["
                + job("j-2", "export-2", "RUNNING", Map.of("vendor", quote("huawei"), "operation",
                quote("CreateExportTask"), "progress", "40", "vendorStatus", quote("Processing"))) + ","
                + job("j-1", "r1", "FAILED", Map.of("reason", quote("Status 2"))) + "]}"));

        Cli.Result result = Cli.run(ENV, "status", "--url", bridge.url(), "--state", "RUNNING,FAILED", "--limit", "5");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.lines()).containsExactly(
                "JOB  REQUEST   VENDOR  OPERATION              UPDATED               STATE",
                "j-2  export-2  huawei  CreateExportTask       2026-11-24T08:00:01Z  RUNNING 40% (Processing)",
                "j-1  r1        aliyun  CreateDownloadDataJob  2026-11-24T08:00:01Z  FAILED: Status 2");
        assertThat(bridge.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("GET");
            assertThat(sent.authorization()).isEqualTo("Bearer status-test-token-0123456789");
        });
    }

    @Test
    void shouldShowOneJobWithItsHistoryFilesAndLastVendorCalls() {
        StringBuilder calls = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            calls.append(i > 1 ? "," : "").append("{\"at\":\"2026-11-24T08:00:").append(String.format("%02d", i))
                    .append("Z\",\"vendor\":\"aliyun\",\"account\":\"default\",\"action\":\"GetDownloadFile\","
                            + "\"outcome\":\"ok\",\"code\":null,\"durationMs\":").append(i).append('}');
        }
        bridge.on("GET", "/api/jobs/r1", reply(200, "{\"job\":" + job("j-1", "r1", "DELIVERED",
                Map.of("vendorJobId", quote("v-9"), "attempts", "1")) + ","
                + "\"history\":[{\"at\":\"2026-11-24T08:00:00Z\",\"state\":\"RECEIVED\",\"detail\":null,"
                + "\"vendorJobId\":null,\"progress\":null},{\"at\":\"2026-11-24T08:00:05Z\",\"state\":\"RUNNING\","
                + "\"detail\":\"Status 0\",\"vendorJobId\":\"v-9\",\"progress\":50}],"
                + "\"calls\":[" + calls + "],"
                + "\"files\":[{\"name\":\"a.csv\",\"location\":\"file:/out/a.csv\",\"sizeBytes\":42,"
                + "\"sha256\":\"beef\",\"deliveredAt\":\"2026-11-24T08:01:00Z\"}]}"));

        Cli.Result result = Cli.run(ENV, "status", "--url", bridge.url(), "r1");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains(
                "job          j-1\n",
                "state        DELIVERED\n",
                "vendor job   v-9\n",
                "history:\n  2026-11-24T08:00:00Z  RECEIVED\n"
                        + "  2026-11-24T08:00:05Z  RUNNING vendor job v-9 50%: Status 0\n",
                "files:\n  file:/out/a.csv  42 bytes  sha256 beef  delivered 2026-11-24T08:01:00Z\n",
                "vendor calls (the last 10 of 12):\n  2026-11-24T08:00:03Z  aliyun/default GetDownloadFile ok in 3 ms\n",
                "  2026-11-24T08:00:12Z  aliyun/default GetDownloadFile ok in 12 ms\n");
        assertThat(result.out()).doesNotContain("08:00:02Z  aliyun");
    }

    @Test
    void shouldPrintTheApisJsonAsItIs() {
        String answer = "{\"limit\":100,\"jobs\":[" + job("j-1", "r1", "RUNNING", Map.of()) + "]}";
        bridge.on("GET", "/api/jobs", reply(200, answer));

        Cli.Result result = Cli.run(ENV, "status", "--url", bridge.url(), "--json");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).isEqualTo(answer + System.lineSeparator());
    }

    @Test
    void shouldExitFourForAnUnknownJob() {
        bridge.on("GET", "/api/jobs/nope", reply(404, "{\"error\":\"not found\",\"violations\":[{\"field\":\"id\","
                + "\"rule\":\"no job has this id or request id\"}]}"));

        Cli.Result result = Cli.run(ENV, "status", "--url", bridge.url(), "nope");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("no job has the id or request id nope");
        assertThat(result.out()).isEmpty();
    }
}
