package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.push.PushConnections;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The application subscribes its sandbox accounts to the sandbox's pushed job status, with no setting at all. */
class PushWiringTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldSubscribeBothSandboxAccountsAndConsumeWhatTheSandboxPushes() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        PushConnections connections = bridge.context().getRegistry()
                .lookupByNameAndType("pushConnections", PushConnections.class);

        await().atMost(WAIT).until(() -> connections.connected(Vendor.ALIYUN, "default")
                && connections.connected(Vendor.HUAWEI, "default"));

        bridge.drop("request.json", Files.readString(Path.of("samples/requests/aliyun-download-product-info.json")));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));

        // the job's status changes were pushed, and the bridge's subscription took every one off the queue
        await().atMost(WAIT).until(() -> bridge.sandbox().stats().pushedOf("aliyun.dop") >= 1
                && bridge.sandbox().pushBroker().orElseThrow().pending("default") == 0);
        assertThat(bridge.sandbox().stats().rejections()).isEmpty();
    }

    @Test
    void aPushedCompletionIsDeliveredWithoutAnyStatusPollAndPollingAloneNeedsSeveral() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        PushConnections connections = bridge.context().getRegistry()
                .lookupByNameAndType("pushConnections", PushConnections.class);
        await().atMost(WAIT).until(() -> connections.connected(Vendor.ALIYUN, "default"));

        bridge.drop("request.json", Files.readString(Path.of("samples/requests/aliyun-download-product-info.json")));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));

        // GetDownloadFile is both the status poll and the way to the file's URL: with push, only the latter
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isEqualTo(1);
        assertThat(bridge.sandbox().stats().callsOf("GetDownloadFile")).isEqualTo(1);
        bridge.close();

        bridge = bridges.start(dataDir.resolve("polling"), Map.of("bridge.push.enabled", "false"));
        bridge.drop("request.json", Files.readString(Path.of("samples/requests/aliyun-download-product-info.json")));
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DELIVERED).orElse(false));
        assertThat(bridge.sandbox().stats().callsOf("GetDownloadFile")).isGreaterThan(1);
    }

    @Test
    void shouldNotSubscribeWhenPushIsOff() throws Exception {
        bridge = bridges.start(dataDir, Map.of("bridge.push.enabled", "false"));
        PushConnections connections = bridge.context().getRegistry()
                .lookupByNameAndType("pushConnections", PushConnections.class);

        assertThat(connections.connected(Vendor.ALIYUN, "default")).isFalse();
        assertThat(bridge.context().getRoutes()).noneMatch(route -> route.getRouteId().startsWith("push-"));
    }
}
