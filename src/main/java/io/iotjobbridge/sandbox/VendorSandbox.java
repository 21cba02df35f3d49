package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import io.iotjobbridge.sandbox.fault.Faults;
import io.iotjobbridge.sandbox.huawei.IotdaHandler;
import io.iotjobbridge.sandbox.push.JobWatcher;
import io.iotjobbridge.sandbox.push.PushBroker;
import io.iotjobbridge.sandbox.push.PushSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for two vendors' job APIs on one port.
 * <ul>
 *   <li>Alibaba Cloud IoT Platform RPC (Version 2018-01-20) at {@code /}: the data-download flow (CreateDownloadDataJob,
 *   GetDownloadFile and the OSS link the file is fetched from), device jobs (CreateJob, QueryJob, QueryJobStatistics,
 *   ListTask, CancelJob) and device distribution (CreateDeviceDistributeJob, QueryDeviceDistributeJob,
 *   QueryDeviceDistributeDetail, ListDeviceDistributeJob), with V3 and V1 signatures and per-account flow control
 *   checked like the gateway.</li>
 *   <li>Huawei Cloud IoTDA v5 at {@code /v5/iot/}: batch tasks and export tasks behind APIG's AK/SK checks
 *   ({@link IotdaHandler}).</li>
 * </ul>
 * The bridge and the vendors' own SDKs can be pointed at it unchanged. Unless push is off, an embedded AMQP 1.0
 * endpoint on a second port plays both vendors' server-side subscriptions and pushes job status changes to it.
 *
 * <p>Time comes only from the injected {@link Clock}: a job's status is a function of the time since it was created,
 * so a test drives a job to completion by moving its clock, with no sleeping. The only background thread is the
 * push source's, which looks at the clock to notice status changes worth announcing.
 */
public final class VendorSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VendorSandbox.class);

    // downloads hold a thread for as long as the client reads, so allow a few at once; requests beyond the queue are
    // dropped rather than left to pile up in an unbounded queue
    private static final int THREADS = 16;
    private static final int QUEUED_EXCHANGES = 1_024;
    private static final int BACKLOG = 64;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // the JDK server sends a reply's headers and body as two writes; with Nagle's algorithm on, the body waits for
        // the client's delayed ACK, about 40 ms on every call. The server reads this once, when the first one starts,
        // so it is set here, before any; an explicit -D setting wins.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final StatsRecorder stats;
    private final Push push;
    private final DownloadUrlSigner urlSigner;
    private final DownloadDataApi downloadData;
    private final Faults faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VendorSandbox(HttpServer server, ExecutorService executor, URI baseUrl, StatsRecorder stats, Push push,
                          DownloadUrlSigner urlSigner, DownloadDataApi downloadData, Faults faults) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.stats = stats;
        this.push = push;
        this.urlSigner = urlSigner;
        this.downloadData = downloadData;
        this.faults = faults;
    }

    /**
     * Binds and starts serving at once.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static VendorSandbox start(SandboxSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        StatsRecorder stats = new StatsRecorder();
        Push push = Push.start(settings, clock, stats);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
        } catch (IOException e) {
            push.close();
            throw new UncheckedIOException("cannot bind the sandbox to " + settings.host() + ":" + settings.port(), e);
        }
        URI baseUrl = baseUrlOf(server.getAddress());
        SecureRandom random = new SecureRandom();
        DownloadJobPush downloadPush = new DownloadJobPush(push.watcher());
        DownloadJobRegistry registry = new DownloadJobRegistry(JobTimeline.of(settings), settings.failingTables(),
                settings.dailyJobLimit(), downloadPush::watch);
        DownloadUrlSigner urlSigner = new DownloadUrlSigner(random);
        DeviceJobSettings deviceJobs = settings.deviceJobs();
        PageTokens pageTokens = new PageTokens(random);
        DistributeJobRegistry distributeJobs = new DistributeJobRegistry(deviceJobs.distributeRunningFor(),
                SeededDistributeJobs.at(clock.instant(), deviceJobs.distributeRunningFor()));

        Map<String, Function<AuthenticatedCall, IotResult>> operations = new HashMap<>();
        DownloadDataApi downloadData = new DownloadDataApi(registry, urlSigner, baseUrl, settings, clock);
        operations.putAll(downloadData.operations());
        operations.putAll(new DeviceJobApi(new DeviceJobRegistry(deviceJobs), pageTokens, clock).operations());
        operations.putAll(new DeviceDistributeApi(distributeJobs, urlSigner, pageTokens, baseUrl,
                deviceJobs.distributeUrlValidity(), clock).operations());
        RpcGateway gateway = new RpcGateway(settings.credentials(), operations.keySet(),
                DeviceDistributeApi.actionsMissingIn(deviceJobs.regionId()), settings.clockSkewAllowed(),
                new NonceRegistry(NonceRegistry.DEFAULT_CAPACITY), new FlowControl(deviceJobs.rateLimits()), clock);

        Faults faults = new Faults(IotError.codes(), stats::fault, clock);
        server.createContext("/", new RpcHandler(gateway, operations, stats, faults));
        server.createContext(OssDownloadHandler.CONTEXT,
                new OssDownloadHandler(registry, urlSigner, settings, clock, stats, faults));
        server.createContext(DistributeResultHandler.CONTEXT,
                new DistributeResultHandler(distributeJobs, urlSigner, clock, stats));
        server.createContext(IotdaHandler.CONTEXT, new IotdaHandler(settings, clock, stats, push.watcher(), faults));
        server.createContext(StatsHandler.PATH, new StatsHandler(stats));
        server.createContext(FaultsHandler.PATH, new FaultsHandler(faults));
        ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_EXCHANGES), daemonThreads(baseUrl.getPort()),
                new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(executor);
        server.start();
        LOG.info("Vendor sandbox (Alibaba IoT, Huawei IoTDA) listening on {}", baseUrl);
        LOG.debug("Sandbox settings: {}", settings);
        return new VendorSandbox(server, executor, baseUrl, stats, push, urlSigner, downloadData, faults);
    }

    /** {@code http://127.0.0.1:<actual port>} (or the bound address when it is a specific one). */
    public URI baseUrl() {
        return baseUrl;
    }

    public SandboxStats stats() {
        return stats.snapshot();
    }

    /**
     * The {@code Signature} values (unencoded) of the latest download links this sandbox signed, at most
     * {@value DownloadUrlSigner#REMEMBERED_SIGNATURES}: credentials a secret scan looks for in the bridge's output.
     */
    public List<String> recentLinkSignatures() {
        return urlSigner.recentSignatures();
    }

    /**
     * A fault for tests: from now on GetDownloadFile answers a finished job with {@code url} as its CsvUrl, as a
     * compromised or broken vendor might, instead of the sandbox's own signed link; null goes back to the link.
     */
    public void handOutCsvUrl(String url) {
        downloadData.handOutCsvUrl(url);
    }

    /** The faults injected into vendor calls; plans set here apply from the next call on. */
    public Faults faults() {
        return faults;
    }

    /** The AMQP endpoint that pushes job status ({@code amqp://127.0.0.1:<port>}), unless push is off. */
    public Optional<URI> pushUrl() {
        return push.broker().map(PushBroker::url);
    }

    /** The broker behind {@link #pushUrl()}, for tests that look at what waits in its queues. */
    public Optional<PushBroker> pushBroker() {
        return push.broker();
    }

    /** Stops listening and drops open connections, including downloads in progress. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // stalled downloads end first, so their threads are free when the server stops
        faults.release();
        server.stop(0);
        push.close();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox handler threads still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Vendor sandbox on {} stopped", baseUrl);
    }

    /** The AMQP push endpoint and what feeds it, or neither when push is off. */
    private static final class Push implements AutoCloseable {

        private final PushBroker broker;
        private final PushSource source;

        private Push(PushBroker broker, PushSource source) {
            this.broker = broker;
            this.source = source;
        }

        static Push start(SandboxSettings settings, Clock clock, StatsRecorder stats) {
            if (!settings.push().enabled()) {
                return new Push(null, null);
            }
            PushBroker broker = PushBroker.start(settings.host(), settings.push(), settings.credentials(), clock,
                    stats);
            return new Push(broker, PushSource.start(broker, settings.push(), clock, stats));
        }

        Optional<PushBroker> broker() {
            return Optional.ofNullable(broker);
        }

        JobWatcher watcher() {
            return source == null ? JobWatcher.NONE : source;
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
                broker.close();
            }
        }
    }

    private static URI baseUrlOf(InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String host;
        if (address.isAnyLocalAddress()) {
            // bound to every interface: loopback is the one address certain to reach it from this machine
            host = "127.0.0.1";
        } else if (address instanceof Inet6Address) {
            // drop any zone id: "%lo" is not valid in a URI authority
            host = "[" + address.getHostAddress().replaceFirst("%.*$", "") + "]";
        } else {
            host = address.getHostAddress();
        }
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    private static ThreadFactory daemonThreads(int port) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "vendor-sandbox-" + port + "-" + count.incrementAndGet());
            // a sandbox someone forgot to close must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        };
    }
}
