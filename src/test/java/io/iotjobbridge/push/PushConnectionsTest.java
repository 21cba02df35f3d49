package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a subscription is live follows its broker: up, gone, back. */
class PushConnectionsTest {

    @TempDir
    Path workDir;

    private final PushConnections connections = new PushConnections();
    private OpenAmqpBroker broker;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        broker = OpenAmqpBroker.start(workDir, "events");
        camel = new DefaultCamelContext();
        camel.addRoutes(new PushRoutes(PushSubscriptions.of(Duration.ofMillis(200),
                subscription("up", broker.url()), subscription("nowhere", closedPort())),
                connections, status -> { }, Clock.systemUTC()));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        broker.close();
    }

    @Test
    void shouldReportASubscriptionConnectedWhileItsBrokerIsUp() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "up"));

        broker.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> !connections.connected(Vendor.HUAWEI, "up"));

        broker.restart();
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "up"));
    }

    @Test
    void shouldReportASubscriptionThatCannotConnectAsNotConnected() {
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "up"));

        assertThat(connections.connected(Vendor.HUAWEI, "nowhere")).isFalse();
    }

    @Test
    void shouldReportAnAccountWithoutSubscriptionAsNotConnected() {
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "up"));

        assertThat(connections.connected(Vendor.ALIYUN, "up")).isFalse();
        assertThat(connections.connected(Vendor.HUAWEI, "unknown")).isFalse();
    }

    @Test
    void shouldReportNotConnectedOnceTheRouteIsStopped() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "up"));

        camel.getRouteController().stopRoute(PushRoutes.routeId(Vendor.HUAWEI, "up"));

        assertThat(connections.connected(Vendor.HUAWEI, "up")).isFalse();
    }

    private static HuaweiPushSubscription subscription(String account, URI url) {
        return new HuaweiPushSubscription(account, url, "any", Secret.of("any"), Optional.empty(), "events");
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("amqp://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
