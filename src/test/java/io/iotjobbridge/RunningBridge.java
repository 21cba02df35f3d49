package io.iotjobbridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.SandboxLink;
import io.iotjobbridge.sandbox.VendorSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real application, started in-process on a temporary data folder with its embedded sandbox on a free port
 * and fast pacing, as a test fixture. Public so the benchmark ({@code bench.BridgeBenchmark}) runs the same bridge the
 * end-to-end tests run.
 */
public final class RunningBridge implements AutoCloseable {

    private final Main main;
    private final Path dataDir;
    private boolean closed;

    private RunningBridge(Main main, Path dataDir) {
        this.main = main;
        this.dataDir = dataDir;
    }

    public static RunningBridge start(Path dataDir, Map<String, String> overrides) throws Exception {
        return start(dataDir, overrides, Map.of());
    }

    /** @param beans bound in the registry before start, e.g. an event notifier Camel Main then installs */
    public static RunningBridge start(Path dataDir, Map<String, String> overrides, Map<String, Object> beans)
            throws Exception {
        Properties props = new Properties();
        props.setProperty("bridge.data-dir", dataDir.toString());
        props.setProperty("bridge.sandbox.port", "0");
        props.setProperty("bridge.broker.port", "0");
        props.setProperty("bridge.http.port", "0");
        props.setProperty("bridge.events.poll-ms", "100");
        props.setProperty("bridge.sandbox.aliyun.initializing-ms", "100");
        props.setProperty("bridge.sandbox.aliyun.queued-ms", "100");
        props.setProperty("bridge.sandbox.aliyun.running-ms", "300");
        props.setProperty("bridge.inbox.poll-ms", "100");
        props.setProperty("bridge.inbox.read-lock-check-ms", "100");
        props.setProperty("bridge.inbox.read-lock-min-age-ms", "100");
        props.setProperty("bridge.engine.tick-ms", "100");
        props.setProperty("bridge.engine.poll-initial-ms", "100");
        props.setProperty("bridge.engine.poll-max-ms", "300");
        props.setProperty("bridge.engine.retry-initial-ms", "100");
        props.setProperty("bridge.engine.retry-max-ms", "500");
        props.setProperty("bridge.engine.quota-wait-ms", "200");
        overrides.forEach(props::setProperty);
        Files.createDirectories(dataDir.resolve("inbox"));
        Main main = BridgeApplication.newMain(props);
        beans.forEach(main::bind);
        main.start();
        return new RunningBridge(main, dataDir);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    public Path outbox() {
        return dataDir.resolve("outbox");
    }

    public JobLedger ledger() {
        return context().getRegistry().lookupByNameAndType("jobLedger", JobLedger.class);
    }

    /** The embedded AMQP broker's address, {@code amqp://127.0.0.1:<port>}. */
    public java.net.URI brokerUrl() {
        return context().getRegistry().lookupByNameAndType("bridgeBroker", io.iotjobbridge.amqp.BridgeBroker.class)
                .url();
    }

    /** The operations server (health, metrics, status API, dashboard): {@code http://127.0.0.1:<port>}. */
    public java.net.URI httpUrl() {
        int port = context().hasService(
                org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer.class).getPort();
        return java.net.URI.create("http://127.0.0.1:" + port);
    }

    public VendorSandbox sandbox() {
        return context().getRegistry().lookupByNameAndType("sandboxLink", SandboxLink.class).embedded().orElseThrow();
    }

    public JobRecord job(String requestId) {
        return ledger().findByRequestId(requestId).orElseThrow(() -> new AssertionError("no job for " + requestId));
    }

    /** Drops a request the way a user should: written elsewhere, then moved into the inbox in one step. */
    public Path drop(String fileName, String content) throws Exception {
        Path staging = Files.createDirectories(dataDir.resolve("staging"));
        Path temp = Files.writeString(staging.resolve(fileName), content);
        return Files.move(temp, inbox().resolve(fileName), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops the bridge; once stopped, closing again does nothing (a test may stop one before its fixture does). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            main.stop();
        }
    }
}
