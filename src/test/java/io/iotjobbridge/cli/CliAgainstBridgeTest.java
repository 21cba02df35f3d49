package io.iotjobbridge.cli;

import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.RunningBridges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against the real bridge and its status API, as an operator would use it from a shell. */
class CliAgainstBridgeTest {

    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String TOKEN = "cli-token-0123456789";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldSubmitWaitForDeliveryAndShowTheJob() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.http.token", TOKEN));
        Map<String, String> env = Map.of("BRIDGE_HTTP_TOKEN", TOKEN);
        String url = bridge.httpUrl().toString();

        Cli.Result submitted = Cli.run(env, "submit", "--wait", "--poll-ms", "100", "--timeout", "60s",
                "--url", url, SAMPLE);

        assertThat(submitted.exit()).as(submitted.err()).isEqualTo(ExitCode.OK.code());
        assertThat(submitted.out()).contains("product-info-2022-07-20 ").contains("DELIVERED")
                .contains("product-info-2022-07-20-fileName01.csv");
        Cli.Result status = Cli.run(env, "status", "--url", url, "product-info-2022-07-20");
        assertThat(status.exit()).isEqualTo(ExitCode.OK.code());
        assertThat(status.out()).contains("RECEIVED").contains("DOWNLOADING").contains("DELIVERED")
                .contains("CreateDownloadDataJob").contains("GetDownloadFile");
        Cli.Result list = Cli.run(env, "status", "--url", url, "--state", "DELIVERED");
        assertThat(list.out()).contains("product-info-2022-07-20");
        assertThat(Cli.run(env, "status", "--url", url, "no-such-job").exit()).isEqualTo(ExitCode.UNAVAILABLE.code());
        Cli.Result refused = Cli.run(Map.of(), "status", "--url", url);
        assertThat(refused.exit()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(refused.out() + refused.err()).doesNotContain(TOKEN);
    }

    @Test
    void shouldReportAnInvalidRequestWithTheBridgesOwnMessages() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        Cli.Result submitted = Cli.run(Map.of(), "submit", "--url", bridge.httpUrl().toString(),
                "samples/requests/invalid-range-too-long.json");

        assertThat(submitted.exit()).isEqualTo(ExitCode.INVALID.code());
        assertThat(submitted.out() + submitted.err())
                .contains("params.EndTime: must be at most 31 days (2678400000 ms) after params.StartTime");
    }
}
