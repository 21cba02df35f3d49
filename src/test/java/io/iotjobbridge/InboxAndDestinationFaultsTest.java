package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the bridge does when a request file is still being written, and when its destination refuses writes. */
class InboxAndDestinationFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    @Guarantee(id = "R14", injection = "a request written straight into the inbox a few bytes every 20 ms for about"
            + " a second (no write-then-move)",
            expected = "read once, whole, after the writer stops: one job, the file archived to .done, nothing in"
                    + " .error")
    void shouldReadAFileOnlyOnceItsWriterHasStopped() throws Exception {
        // a check interval far above the writer's pauses, so only a stopped writer looks finished
        bridge = bridges.start(dataDir, Map.of("bridge.inbox.read-lock-check-ms", "500",
                "bridge.inbox.read-lock-min-age-ms", "500"));
        byte[] request = Files.readString(Path.of(SAMPLE)).replace("product-info-2022-07-20", "slow-writer")
                .getBytes(StandardCharsets.UTF_8);
        Path target = bridge.inbox().resolve("slow.json");
        int chunk = Math.max(1, request.length / 50);
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            writer.scheduleWithFixedDelay(() -> {
                int from = written.get();
                if (from < request.length) {
                    try {
                        int n = Math.min(chunk, request.length - from);
                        out.write(request, from, n);
                        out.flush();
                        written.addAndGet(n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            await().atMost(WAIT).until(() -> written.get() == request.length);
        } finally {
            writer.shutdownNow();
        }

        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/slow.json")));
        assertThat(bridge.inbox().resolve(".error")).doesNotExist();
        assertThat(bridge.ledger().findByRequestId("slow-writer")).isPresent();
        assertThat(Files.readAllBytes(bridge.inbox().resolve(".done/slow.json"))).isEqualTo(request);
    }

    @Test
    @Guarantee(id = "R15", injection = "the destination cannot be written (its folder is blocked by a file, as a"
            + " full or read-only disk would refuse writes), then is freed",
            expected = "no partial file; the job keeps its state and is retried with backoff, not failed; delivered"
                    + " whole once the destination takes writes again")
    void shouldRetryADeliveryTheDestinationRefusesUntilItTakesIt() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        Path blocker = Files.writeString(Files.createDirectories(bridge.outbox()).resolve("aliyun"), "not a folder");

        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));

        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("product-info-2022-07-20")
                .map(j -> j.state() == JobState.DOWNLOADING && j.attempts() >= 2).orElse(false));
        JobRecord refused = bridge.job("product-info-2022-07-20");
        assertThat(refused.reason()).contains("could not write");
        assertThat(bridge.ledger().files(refused.id())).isEmpty();
        assertThat(partialFiles()).isZero();

        Files.delete(blocker);

        await().atMost(WAIT).until(() -> bridge.job("product-info-2022-07-20").state() == JobState.DELIVERED);
        DeliveredFile file = bridge.ledger().files(refused.id()).get(0);
        assertThat(Files.size(bridge.outbox().resolve(file.name()))).isEqualTo(file.sizeBytes());
        assertThat(partialFiles()).isZero();
    }

    private long partialFiles() throws Exception {
        try (Stream<Path> files = Files.walk(bridge.outbox())) {
            return files.filter(p -> p.getFileName().toString().startsWith(".part-")).count();
        }
    }
}
