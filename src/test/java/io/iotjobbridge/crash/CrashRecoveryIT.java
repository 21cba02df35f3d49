package io.iotjobbridge.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.testing.PackagedJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash recovery of the packaged bridge, against a vendor sandbox in a process of its own that outlives every
 * bridge: the bridge is halted at each named crash point, or killed with SIGKILL at seeded random moments, while
 * jobs of both vendors are in flight, then started again on the same data folder. Every job must end DELIVERED once,
 * as one vendor job, with each of its files at the destination once, whole and as the ledger recorded it.
 */
class CrashRecoveryIT {

    /** Seeds the moments of the kills; {@code -Dcrash.seed=<n>} replays a run. */
    private static final long SEED = Long.getLong("crash.seed", 20_261_123L);
    private static final int KILLS = Integer.getInteger("crash.kills", 10);
    /** A kill lands after 1 to this many steps of a bridge's life: anywhere from a create to a delivery. */
    private static final int MAX_STEPS_BEFORE_KILL = 8;
    /** What a process killed by SIGKILL (signal 9) exits with. */
    private static final int SIGKILL_STATUS = 128 + 9;

    private static final RequestFactory REQUESTS = new RequestFactory();
    private static Map<String, String> sandboxSettings;
    /** The bridge's embedded broker keeps one port across lives, as a workflow's client expects. */
    private static int brokerPort;
    private static SandboxProcess sandbox;

    @TempDir
    static Path sandboxDir;

    @TempDir
    Path dataDir;

    private final ProcessLogs logs = new ProcessLogs();
    private final List<BridgeRun> lives = new ArrayList<>();

    @BeforeAll
    static void startSandbox() throws IOException {
        sandboxSettings = sandboxSettings(PackagedJar.freePort());
        brokerPort = PackagedJar.freePort();
        sandbox = SandboxProcess.start(sandboxSettings, sandboxDir.resolve("sandbox.log"));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A scenario that failed half-way may leave its bridge running: it must not outlive the data folder. */
    @AfterEach
    void killLeftOverBridges() throws InterruptedException {
        for (BridgeRun life : lives) {
            if (life.isAlive()) {
                life.kill();
            }
        }
    }

    @ParameterizedTest(name = "halted at {0}")
    @ValueSource(strings = {CrashPoints.AFTER_VENDOR_CREATE, CrashPoints.AFTER_STATUS_CHECK, CrashPoints.MID_DOWNLOAD,
            CrashPoints.AFTER_FILE_WRITTEN, CrashPoints.BEFORE_DELIVERED})
    @Guarantee(id = "R1-R4", injection = "Runtime.halt(137) after vendor create, after a status check, mid-download, after the file is written, before DELIVERED",
            expected = "after restart: one vendor job per request, each file delivered once, whole, no .part- file")
    void shouldDeliverEveryJobOnceAfterAHalt(String point) throws Exception {
        logs.watch(sandbox.log());
        logs.printOnFailure(() -> {
            List<DroppedRequest> requests = new ArrayList<>(List.of(REQUESTS.deviceJob(point), REQUESTS.export(point)));
            if (!point.equals(CrashPoints.AFTER_VENDOR_CREATE)) {
                // Alibaba offers no way to look a data download up, so a halt right after creating one may cost a
                // second one (documented); every later point covers the download too
                requests.add(REQUESTS.dataDownload(point));
            }
            Map<String, Long> callsBefore = sandbox.calls();

            BridgeRun halting = start(1, Map.of("bridge.test.crash-at", point));
            dropAll(requests);
            assertThat(halting.awaitExit()).as("exit status of the bridge halted at %s", point)
                    .isEqualTo(CrashPoints.HALT_STATUS);
            assertThat(halting.log()).contains("crash point " + point + " reached");
            LedgerContents atHalt = LedgerContents.read(dataDir, ids(requests));
            assertHaltedWhereNamed(point, requests, atHalt);

            BridgeRun resumed = start(2, Map.of());
            awaitEveryJobDelivered(resumed, requests, delivered(atHalt));
            DeliveryAudit.awaitStatusFilesDelivered(outbox(), ids(requests));
            resumed.stop();

            audit(requests, callsBefore, downloadsBeingCreated(atHalt, requests));
        });
    }

    @Guarantee(id = "soak", injection = "SIGKILL at 10 seeded random moments (-Dcrash.kills, -Dcrash.seed); before each"
            + " life 2 more requests of the 3 flows are dropped, so every kill lands with jobs in flight; seeded"
            + " random vendor faults (5xx, throttling, resets, broken bodies) on status, list and download calls",
            expected = "every request delivered once, as one vendor job (a download caught in its create window may"
                    + " cost one more); files whole and as recorded; a DELIVERED status event for each")
    @Test
    void shouldDeliverEveryJobOnceThoughKilledAtRandomMoments() throws Exception {
        Map<String, Long> faultsBefore = sandbox.faultsHandedOut();
        sandbox.injectFaults(SoakFaults.plans(new Random(SEED)));
        liveAndEnd(KILLS, "kill", life -> assertThat(life.kill()).as("exit status of a bridge killed with SIGKILL")
                .isEqualTo(SIGKILL_STATUS));
        Map<String, Long> faultsAfter = sandbox.faultsHandedOut();
        System.out.println("faults handed out during the soak: " + faultsAfter);
        assertThat(faultsAfter.values().stream().mapToLong(Long::longValue).sum())
                .as("the soak met vendor faults").isGreaterThan(faultsBefore.values().stream()
                        .mapToLong(Long::longValue).sum());
    }

    @Guarantee(id = "R18", injection = "SIGTERM at 3 seeded random moments while jobs of the 3 flows are in flight",
            expected = "each stop ends within the shutdown timeout; after restart every request is delivered once,"
                    + " nothing half-written")
    @Test
    void shouldDeliverEveryJobOnceThoughStoppedAtRandomMoments() throws Exception {
        liveAndEnd(3, "stop", BridgeRun::stop);
    }

    /** How a life ends: killed, or stopped gracefully. */
    @FunctionalInterface
    private interface Ending {
        void end(BridgeRun life) throws Exception;
    }

    /**
     * Lives of the bridge, each ended by {@code ending} a seeded random number of steps in, with two more requests
     * dropped before each; then a last life delivers everything, and the audit checks nothing was lost or doubled.
     */
    private void liveAndEnd(int endings, String label, Ending ending) throws Exception {
        logs.watch(sandbox.log());
        logs.printOnFailure(() -> {
            Random random = new Random(SEED);
            List<DroppedRequest> requests = new ArrayList<>();
            Map<String, Long> callsBefore = sandbox.calls();
            Set<String> deliveredEarlier = new HashSet<>();
            int extraDownloadsAllowed = 0;

            BridgeRun life = start(1, Map.of());
            for (int n = 1; n <= endings; n++) {
                List<DroppedRequest> wave = wave(n, label);
                requests.addAll(wave);
                dropAll(wave);
                BridgeRun current = life;
                int steps = 1 + random.nextInt(MAX_STEPS_BEFORE_KILL);
                boolean allDelivered = awaitEveryJobDeliveredOr(current, requests, deliveredEarlier,
                        () -> current.progressLines() >= steps);
                assertThat(allDelivered).as("every job delivered before %s %d (seed %d) could land", label, n, SEED)
                        .isFalse();
                ending.end(current);
                LedgerContents atEnd = LedgerContents.read(dataDir, ids(requests));
                System.out.printf("%s %d of %d (seed %d) after %d step(s) of life %d; %s%n", label, n, endings, SEED,
                        steps, n, atEnd);
                deliveredEarlier.addAll(delivered(atEnd));
                // an end inside a download's create window may cost one more vendor job, as a halt there does
                extraDownloadsAllowed += downloadsBeingCreated(atEnd, requests);
                life = start(n + 1, Map.of());
            }
            awaitEveryJobDelivered(life, requests, deliveredEarlier);
            DeliveryAudit.awaitStatusFilesDelivered(outbox(), ids(requests));
            life.stop();

            audit(requests, callsBefore, extraDownloadsAllowed);
        });
    }

    /** Two requests of two of the three flows, the pair turning with each wave. */
    private static List<DroppedRequest> wave(int n, String label) {
        List<Function<String, DroppedRequest>> flows = List.of(REQUESTS::dataDownload, REQUESTS::deviceJob,
                REQUESTS::export);
        return List.of(flows.get(n % 3).apply(label), flows.get((n + 1) % 3).apply(label));
    }

    @Guarantee(id = "R11", injection = "Runtime.halt(137) after the job is committed, before the request message is acknowledged",
            expected = "the message comes back, is known by its request id, and the job is delivered once with one reply")
    @Test
    void shouldTakeARequestMessageOnceThoughHaltedBeforeAcknowledgingIt() throws Exception {
        logs.watch(sandbox.log());
        logs.printOnFailure(() -> {
            DroppedRequest request = REQUESTS.deviceJob("amqp");
            Map<String, Long> callsBefore = sandbox.calls();

            BridgeRun halting = start(1, Map.of("bridge.test.crash-at", CrashPoints.AFTER_REQUEST_ACCEPTED));
            RequestMessage.send(brokerUrl(), request.document(), "crash.replies");
            assertThat(halting.awaitExit()).isEqualTo(CrashPoints.HALT_STATUS);
            assertThat(LedgerContents.read(dataDir, Set.of(request.id())).jobs()).as("committed before the halt")
                    .hasSize(1);

            BridgeRun resumed = start(2, Map.of());
            awaitEveryJobDelivered(resumed, List.of(request), Set.of());
            assertThat(resumed.log()).as("the unacknowledged message came back and was known")
                    .contains("request " + request.id() + " from AMQP message")
                    .contains("is a duplicate of job");
            assertThat(RequestMessage.reply(brokerUrl(), "crash.replies")).contains("\"state\":\"DELIVERED\"");
            DeliveryAudit.awaitStatusFilesDelivered(outbox(), Set.of(request.id()));
            resumed.stop();

            audit(List.of(request), callsBefore, 0);
        });
    }

    @Guarantee(id = "R5", injection = "Runtime.halt(137) after a dropped file's job is committed, before the file is"
            + " archived (its claim row left behind in the ledger database)",
            expected = "after restart the file is read again once the dead claim expires, known by its request id,"
                    + " archived to .done once; the job is delivered once")
    @Test
    void shouldTakeADroppedFileOnceThoughHaltedBeforeArchivingIt() throws Exception {
        logs.watch(sandbox.log());
        logs.printOnFailure(() -> {
            DroppedRequest request = REQUESTS.export("file");
            Map<String, Long> callsBefore = sandbox.calls();
            Map<String, String> shortClaims = Map.of("bridge.inbox.claim-max-age-ms", "2000");

            BridgeRun halting = start(1, with(shortClaims, "bridge.test.crash-at", CrashPoints.AFTER_REQUEST_ACCEPTED));
            request.dropInto(dataDir);
            assertThat(halting.awaitExit()).isEqualTo(CrashPoints.HALT_STATUS);
            assertThat(dataDir.resolve("inbox").resolve(request.id() + ".json")).as("not archived at the halt")
                    .exists();

            BridgeRun resumed = start(2, shortClaims);
            awaitEveryJobDelivered(resumed, List.of(request), Set.of());
            assertThat(resumed.log()).as("the file was read again and known")
                    .contains("request " + request.id() + " from file").contains("is a duplicate of job");
            assertThat(DeliveryAudit.filesUnder(dataDir.resolve("inbox"))).containsExactly(".done/" + request.id()
                    + ".json");
            DeliveryAudit.awaitStatusFilesDelivered(outbox(), Set.of(request.id()));
            resumed.stop();

            audit(List.of(request), callsBefore, 0);
        });
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return more;
    }

    private static java.net.URI brokerUrl() {
        return java.net.URI.create("amqp://127.0.0.1:" + brokerPort);
    }

    /** Evidence that the bridge halted where the point's name says, so the restart really had that to recover from. */
    private void assertHaltedWhereNamed(String point, List<DroppedRequest> requests, LedgerContents atHalt)
            throws IOException {
        Set<String> outboxFiles = DeliveryAudit.filesUnder(outbox());
        Set<String> recorded = atHalt.jobs().stream().flatMap(job -> job.files().stream()).map(DeliveredFile::name)
                .collect(Collectors.toSet());
        Map<String, DroppedRequest> byId = requests.stream()
                .collect(Collectors.toMap(DroppedRequest::id, Function.identity()));
        String about = "halted at " + point + "; " + atHalt + "\noutbox: " + outboxFiles;
        switch (point) {
            case CrashPoints.AFTER_VENDOR_CREATE -> assertThat(atHalt.jobs()).as(about)
                    .anyMatch(job -> job.state() == JobState.SUBMITTING);
            case CrashPoints.AFTER_STATUS_CHECK -> assertThat(atHalt.jobs()).as(about)
                    .anyMatch(job -> job.state() == JobState.SUBMITTED || job.state() == JobState.RUNNING);
            case CrashPoints.MID_DOWNLOAD -> {
                assertThat(atHalt.jobs()).as(about).anyMatch(job -> job.state() == JobState.DOWNLOADING);
                assertThat(outboxFiles).as("a partial copy, " + about)
                        .anyMatch(name -> DeliveryAudit.lastSegment(name).startsWith(".part-"));
            }
            case CrashPoints.AFTER_FILE_WRITTEN -> {
                assertThat(atHalt.jobs()).as(about).anyMatch(job -> job.state() == JobState.DOWNLOADING);
                assertThat(outboxFiles).as("a complete file not yet recorded, " + about)
                        .anyMatch(name -> !DeliveryAudit.lastSegment(name).startsWith(".") && !recorded.contains(name)
                                && !DeliveryAudit.isManifest(name));
            }
            case CrashPoints.BEFORE_DELIVERED -> assertThat(atHalt.jobs()).as(about)
                    .anyMatch(job -> job.state() == JobState.DOWNLOADING && job.files().size()
                            == byId.get(job.record().requestId()).expectedFiles(job.record().vendorJobId()).size());
            default -> throw new IllegalArgumentException("no such crash point: " + point);
        }
    }

    private void audit(List<DroppedRequest> requests, Map<String, Long> callsBefore, int extraDownloadsAllowed)
            throws Exception {
        DeliveryAudit audit = new DeliveryAudit(requests, LedgerContents.read(dataDir, ids(requests)), outbox());
        audit.assertOneVendorJobPerRequest(callsBefore, sandbox.calls(), extraDownloadsAllowed);
        audit.assertEachJobDeliveredOnce();
        audit.assertOutboxHoldsExactlyTheRecordedFiles();
    }

    private static void awaitEveryJobDelivered(BridgeRun life, List<DroppedRequest> requests,
                                               Set<String> deliveredEarlier) {
        awaitEveryJobDeliveredOr(life, requests, deliveredEarlier, () -> false);
    }

    /**
     * Waits until every job is delivered or {@code condition} holds, and says which; fails at once when the bridge
     * dies or a job fails, as neither can mend by waiting.
     */
    private static boolean awaitEveryJobDeliveredOr(BridgeRun life, List<DroppedRequest> requests,
                                                    Set<String> deliveredEarlier, Callable<Boolean> condition) {
        Set<String> ids = ids(requests);
        Callable<Boolean> allDelivered = () -> {
            Set<String> delivered = new HashSet<>(deliveredEarlier);
            delivered.addAll(life.requestsThatReached(JobState.DELIVERED.name()));
            return delivered.containsAll(ids);
        };
        await("every job delivered (log " + life.logFile() + ")").atMost(BridgeRun.MAX_WAIT)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(life.isAlive()).as("bridge running (log %s)", life.logFile()).isTrue();
                    assertThat(life.requestsThatReached(JobState.FAILED.name())).as("jobs FAILED")
                            .doesNotContainAnyElementsOf(ids);
                    return allDelivered.call() || condition.call();
                });
        try {
            return allDelivered.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BridgeRun start(int life, Map<String, String> extra) throws IOException {
        // the sandbox's own keys too: the bridge reads the sandbox account (credentials, regions, the Huawei
        // download interval) from them
        Map<String, String> properties = new LinkedHashMap<>(sandboxSettings);
        properties.put("bridge.sandbox.url", sandbox.baseUrl().toString());
        properties.put("bridge.data-dir", dataDir.toString());
        properties.put("bridge.broker.port", Integer.toString(brokerPort));
        properties.put("bridge.inbox.poll-ms", "100");
        properties.put("bridge.inbox.read-lock-check-ms", "100");
        properties.put("bridge.inbox.read-lock-min-age-ms", "100");
        properties.put("bridge.engine.tick-ms", "100");
        properties.put("bridge.engine.poll-initial-ms", "300");
        properties.put("bridge.engine.poll-max-ms", "500");
        properties.put("bridge.engine.retry-initial-ms", "100");
        properties.put("bridge.engine.retry-max-ms", "500");
        properties.put("bridge.engine.quota-wait-ms", "300");
        // the default lease (5 minutes) stays: the restarted bridge must take back its own leases at once
        properties.putAll(extra);
        BridgeRun run = BridgeRun.start(dataDir, life, properties);
        lives.add(run);
        logs.watch(run.logFile());
        return run;
    }

    private void dropAll(List<DroppedRequest> requests) throws IOException {
        for (DroppedRequest request : requests) {
            request.dropInto(dataDir);
        }
    }

    private Path outbox() {
        return dataDir.resolve("outbox");
    }

    private static Set<String> delivered(LedgerContents ledger) {
        return ledger.requestsWhere(job -> job.state() == JobState.DELIVERED);
    }

    /** Data downloads whose create may have been sent and its answer never recorded. */
    private static int downloadsBeingCreated(LedgerContents ledger, List<DroppedRequest> requests) {
        Set<String> downloads = requests.stream().filter(r -> r.kind() == DroppedRequest.Kind.DATA_DOWNLOAD)
                .map(DroppedRequest::id).collect(Collectors.toSet());
        return (int) ledger.requestsWhere(job -> job.state() == JobState.SUBMITTING).stream()
                .filter(downloads::contains).count();
    }

    private static Set<String> ids(List<DroppedRequest> requests) {
        return requests.stream().map(DroppedRequest::id).collect(Collectors.toSet());
    }

    static Map<String, String> sandboxSettings(int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bridge.sandbox.port", Integer.toString(port));
        settings.put("bridge.sandbox.aliyun.initializing-ms", "100");
        settings.put("bridge.sandbox.aliyun.queued-ms", "100");
        settings.put("bridge.sandbox.aliyun.running-ms", "300");
        // 256 KiB, so the mid-download point (64 KiB into a copy) halts inside the CSV, not at its end
        settings.put("bridge.sandbox.aliyun.csv-bytes", Integer.toString(256 * 1024));
        // the vendor allows 3 downloads a day per account and 3 fetches of each file: this class creates about ten
        // downloads, and every crash during a delivery costs a fetch
        settings.put("bridge.sandbox.aliyun.daily-job-limit", "100");
        settings.put("bridge.sandbox.aliyun.url-fetch-limit", "20");
        settings.put("bridge.sandbox.aliyun.job-running-ms", "500");
        settings.put("bridge.sandbox.aliyun.fleet-size", "60");
        settings.put("bridge.sandbox.huawei.export-running-ms", "500");
        settings.put("bridge.sandbox.huawei.download-interval-ms", "500");
        return settings;
    }
}
