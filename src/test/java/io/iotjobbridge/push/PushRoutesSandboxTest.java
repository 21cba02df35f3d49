package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxJobs;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.SandboxBatchTasks;
import io.iotjobbridge.sandbox.push.PushSettings;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push routes against the sandbox's AMQP endpoint: what the sandbox announces reaches the sink once. */
class PushRoutesSandboxTest {

    private static final Instant NOW = Instant.parse("2024-05-20T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<PushedStatus> received = new CopyOnWriteArrayList<>();
    private final PushConnections connections = new PushConnections();
    private VendorSandbox sandbox;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withPushEnabled(true);
        // every message goes out twice, as an at-least-once vendor may send it
        sandbox = VendorSandbox.start(settings.withPush(settings.push().withDuplicates(true)), clock);
        camel = new DefaultCamelContext();
        camel.addRoutes(new PushRoutes(PushSubscriptions.of(Duration.ofMillis(200),
                new AliyunPushSubscription("default", sandbox.pushUrl().orElseThrow(), "push-test",
                        AliyunPushSubscription.DOWNLOAD_JOB_GROUP, "", "default",
                        SandboxSettings.DEFAULT_ACCESS_KEY_ID, Secret.of(SandboxSettings.DEFAULT_ACCESS_KEY_SECRET)),
                new HuaweiPushSubscription("default", sandbox.pushUrl().orElseThrow(),
                        PushSettings.DEFAULT_HUAWEI_ACCESS_KEY, Secret.of(PushSettings.DEFAULT_HUAWEI_ACCESS_CODE),
                        Optional.empty(), "default")),
                connections, received::add, clock));
        camel.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.ALIYUN, "default")
                && connections.connected(Vendor.HUAWEI, "default"));
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sandbox.close();
    }

    @Test
    void shouldDeliverOneSucceededStatusForADownloadJobAlthoughTheSandboxSentItTwice() {
        String jobId = SandboxJobs.createDownloadJob(sandbox, clock, "");
        clock.advance(Duration.ofSeconds(3));

        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.stats().pushedOf("aliyun.dop") == 2
                && sandbox.pushBroker().orElseThrow().pending("default") == 0);

        assertThat(received).filteredOn(s -> s.vendor() == Vendor.ALIYUN).singleElement().satisfies(status -> {
            assertThat(status.account()).isEqualTo("default");
            assertThat(status.vendorJobId()).isEqualTo(jobId);
            assertThat(status.status()).isEqualTo(new JobStatus.Succeeded("1 (succeeded)"));
            assertThat(status.messageId()).matches("\\d{19}");
        });
    }

    @Test
    void shouldDeliverTheFinalStatusOfABatchTask() {
        String taskId = SandboxBatchTasks.createBatchTask(sandbox, clock);
        clock.advance(Duration.ofSeconds(4));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> received.stream().anyMatch(s -> s.vendorJobId().equals(taskId)));

        assertThat(received).filteredOn(s -> s.vendorJobId().equals(taskId)).singleElement().satisfies(status -> {
            assertThat(status.vendor()).isEqualTo(Vendor.HUAWEI);
            assertThat(status.account()).isEqualTo("default");
            assertThat(status.status()).isNotInstanceOf(JobStatus.Running.class);
            assertThat(status.status().vendorStatus()).isIn("Success", "PartialSuccess", "Fail");
        });
    }
}
