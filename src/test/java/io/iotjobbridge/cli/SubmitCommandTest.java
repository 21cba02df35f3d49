package io.iotjobbridge.cli;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.iotjobbridge.cli.FakeBridge.detail;
import static io.iotjobbridge.cli.FakeBridge.job;
import static io.iotjobbridge.cli.FakeBridge.quote;
import static io.iotjobbridge.cli.FakeBridge.reply;
import static org.assertj.core.api.Assertions.assertThat;

class SubmitCommandTest {

    private static final String TOKEN = "cli-test-token-0123456789";
    private static final Map<String, String> ENV = Map.of("BRIDGE_HTTP_TOKEN", TOKEN);

    @TempDir
    Path dir;

    private FakeBridge bridge;
    private Path request;

    @BeforeEach
    void start() throws Exception {
        bridge = new FakeBridge();
        request = Files.writeString(dir.resolve("request.json"), "{\"id\": \"r1\"}");
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void shouldPostTheFileWithItsMediaTypeAndTokenAndPrintEachJob() throws Exception {
        bridge.on("POST", "/api/jobs", reply(202, "{\"outcome\":\"ACCEPTED\",\"jobs\":["
                + job("j-1", "r1", "RECEIVED", Map.of()) + "," + job("j-2", "r2", "QUEUED", Map.of()) + "]}"));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), request.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.lines()).containsExactly("r1 j-1 RECEIVED", "r2 j-2 QUEUED");
        assertThat(bridge.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.target()).isEqualTo("/api/jobs");
            assertThat(sent.contentType()).isEqualTo("application/json");
            assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(sent.body()).isEqualTo(Files.readAllBytes(request));
        });
        assertThat(result.out() + result.err()).doesNotContain(TOKEN);
    }

    @Test
    void shouldSendJsonLinesAndYamlWithTheirMediaTypesAndTheTokenFromAFile() throws Exception {
        bridge.on("POST", "/api/jobs", reply(200, "{\"outcome\":\"DUPLICATE\",\"jobs\":["
                + job("j-1", "r1", "DELIVERED", Map.of()) + "]}"));
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Path lines = Files.writeString(dir.resolve("batch.ndjson"), "{}\n");
        Path yaml = Files.writeString(dir.resolve("request.yml"), "id: r1\n");

        Cli.Result first = Cli.run("submit", "--url", bridge.url(), "--token-file", tokenFile.toString(), lines.toString());
        Cli.Result second = Cli.run("submit", "--url", bridge.url(), "--token-file", tokenFile.toString(), yaml.toString());

        assertThat(first.exit()).isEqualTo(0);
        assertThat(second.exit()).isEqualTo(0);
        assertThat(second.lines()).containsExactly("r1 j-1 DELIVERED");
        assertThat(bridge.requests()).extracting(FakeBridge.Recorded::contentType)
                .containsExactly("application/x-ndjson", "application/yaml");
        assertThat(bridge.requests()).extracting(FakeBridge.Recorded::authorization).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void shouldPrintTheViolationsOfARefusedRequestAndExitThree() {
        bridge.on("POST", "/api/jobs", reply(422, "{\"error\":\"invalid request\",\"violations\":["
                + "{\"field\":\"params.EndTime\",\"rule\":\"must be after params.StartTime\"},"
                + "{\"field\":\"destination\",\"rule\":\"'x' is not configured; configured: default\"}]}"));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), request.toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.lines()).containsExactly(
                request + ": params.EndTime: must be after params.StartTime",
                request + ": destination: 'x' is not configured; configured: default");
    }

    @Test
    void shouldExitFourWithoutShowingTheTokenWhenTheBridgeRefusesIt() {
        bridge.on("POST", "/api/jobs", reply(401, "{\"error\":\"unauthorized\",\"violations\":["
                + "{\"field\":\"Authorization\",\"rule\":\"the token does not match\"}]}"));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), request.toString());

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("the bridge refused the token: Authorization: the token does not match");
        assertThat(result.out() + result.err()).doesNotContain(TOKEN);
    }

    @Test
    void shouldExitFourWhenNoBridgeAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Cli.Result result = Cli.run(ENV, "submit", "--url", url, request.toString());

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("no bridge answers at " + url + ": is it running?");
    }

    @Test
    void shouldPrintProgressOnlyWhenItChangesAndTheDeliveredFiles() {
        acceptOneJob();
        bridge.on("GET", "/api/jobs/j-1",
                reply(200, detail(job("j-1", "r1", "QUEUED", Map.of("waitingFor", quote("aliyun/default/download"),
                        "nextRunAt", quote("2026-11-24T09:00:00Z"))), "[]")),
                reply(200, detail(job("j-1", "r1", "RUNNING", Map.of("progress", "40", "vendorStatus", quote("0"))), "[]")),
                reply(200, detail(job("j-1", "r1", "RUNNING", Map.of("progress", "40", "vendorStatus", quote("0"))), "[]")),
                reply(200, detail(job("j-1", "r1", "DELIVERED", Map.of("progress", "100")),
                        "[{\"name\":\"product_info.csv\",\"location\":\"file:/data/outbox/r1-product_info.csv\","
                                + "\"sizeBytes\":10,\"sha256\":\"ab\",\"deliveredAt\":\"2026-11-24T09:10:00Z\"}]")));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), "--wait", "--poll-ms", "5",
                request.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.lines()).containsExactly(
                "r1 j-1 RECEIVED",
                "r1 QUEUED waiting for quota until 2026-11-24T09:00:00Z (aliyun/default/download)",
                "r1 RUNNING 40% (0)",
                "r1 DELIVERED 100%",
                "r1 delivered file:/data/outbox/r1-product_info.csv");
        assertThat(bridge.requests()).filteredOn(r -> r.method().equals("GET"))
                .hasSize(4).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void shouldExitOneWithTheReasonWhenAJobFails() {
        acceptOneJob();
        bridge.on("GET", "/api/jobs/j-1", reply(200, detail(job("j-1", "r1", "FAILED",
                Map.of("reason", quote("vendor job ended in Status 2"))), "[]")));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), "--wait", "--poll-ms", "5",
                request.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.lines()).endsWith("r1 FAILED: vendor job ended in Status 2");
    }

    @Test
    void shouldExitFiveWithTheStatesWhenTheTimeoutRunsOut() {
        acceptOneJob();
        bridge.on("GET", "/api/jobs/j-1", reply(200, detail(job("j-1", "r1", "RUNNING",
                Map.of("progress", "10")), "[]")));

        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), "--wait", "--poll-ms", "5",
                "--timeout", "100ms", request.toString());

        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.lines()).containsExactly("r1 j-1 RECEIVED", "r1 RUNNING 10%",
                "timed out after 0.1s; the jobs go on in the bridge:", "r1 j-1 RUNNING 10%");
    }

    @Test
    void shouldRefuseATimeoutItCannotRead() {
        Cli.Result result = Cli.run(ENV, "submit", "--url", bridge.url(), "--wait", "--timeout", "soon",
                request.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'soon' is not a duration");
        assertThat(bridge.requests()).isEmpty();
    }

    private void acceptOneJob() {
        bridge.on("POST", "/api/jobs", reply(202, "{\"outcome\":\"ACCEPTED\",\"jobs\":["
                + job("j-1", "r1", "RECEIVED", Map.of()) + "]}"));
    }
}
