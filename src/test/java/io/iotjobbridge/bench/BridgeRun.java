package io.iotjobbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.sandbox.SandboxStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario's bridge: the real application with its embedded sandbox, on a data folder of its own that is deleted
 * afterwards, so no scenario sees another's jobs, quotas or vendor state. The heap's peak is measured from its start.
 */
final class BridgeRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeRun.class);
    /** How often the ledger is read while waiting: often enough for the table, rarely enough to cost nothing. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final Path dataDir;
    private final RunningBridge bridge;

    private BridgeRun(Path dataDir, RunningBridge bridge) {
        this.dataDir = dataDir;
        this.bridge = bridge;
    }

    static BridgeRun start(String scenario, Map<String, String> properties) throws Exception {
        HeapPeak.reset();
        Path dataDir = Files.createTempDirectory("bridge-bench-" + scenario + "-");
        try {
            return new BridgeRun(dataDir, RunningBridge.start(dataDir, properties));
        } catch (Exception | Error e) {
            deleteTree(dataDir);
            throw e;
        }
    }

    RunningBridge bridge() {
        return bridge;
    }

    /** Drops every request into the inbox, each written elsewhere and moved in, as a user should. */
    void drop(List<RequestFiles.Request> requests) throws Exception {
        for (RequestFiles.Request request : requests) {
            bridge.drop(request.fileName(), request.json());
        }
    }

    /**
     * Waits until every request's job is delivered or failed, or {@code timeout} has passed, reading the ledger a few
     * times a second; then reads each job's outcome.
     */
    Outcomes await(List<String> requestIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        Outcomes outcomes = read(requestIds);
        while (!outcomes.allOver() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY.toMillis()));
            outcomes = read(requestIds);
            if (Instant.now().isAfter(nextProgress)) {
                LOG.info("{} of {} jobs delivered, {} failed", outcomes.delivered(), outcomes.count(),
                        outcomes.failed());
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
        }
        return outcomes;
    }

    private Outcomes read(List<String> requestIds) {
        return new Outcomes(requestIds.stream().map(id -> JobOutcome.read(bridge.ledger(), id)).toList());
    }

    SandboxStats stats() {
        return bridge.sandbox().stats();
    }

    /** Whether the bridge runs the AMQP push machinery (it binds {@code pushConnections} when it does). */
    boolean hasPush() {
        return bridge.context().getRegistry().lookupByName("pushConnections") != null;
    }

    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
