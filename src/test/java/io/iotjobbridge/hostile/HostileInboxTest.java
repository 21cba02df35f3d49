package io.iotjobbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.job.InboxArchive;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.testing.Guarantee;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole hostile corpus dropped into a running bridge's inbox, with valid requests mixed in. */
class HostileInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Valid requests dropped among the hostile ones; one file each, three downloads (the account's daily quota). */
    private static final Map<String, String> VALID = Map.of(
            "valid-1.json", "valid-download-1",
            "valid-2.yaml", "valid-download-2",
            "valid-3.jsonl", "valid-download-3");

    @TempDir
    Path root;

    private final HostileCorpus corpus = HostileCorpus.load();
    private final AtomicInteger decoyHits = new AtomicInteger();
    private HttpServer decoy;
    private RunningBridge bridge;
    private Path dataDir;

    @BeforeEach
    void startDecoy() throws IOException {
        decoy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        decoy.createContext("/", exchange -> {
            decoyHits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        decoy.start();
        dataDir = root.resolve("data");
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        decoy.stop(0);
    }

    @Guarantee(id = "S1", injection = "the hostile corpus (path traversal in FileConfig.fileName, id and account:"
            + " '../', absolute, '..\\', '%2e%2e'; syntax errors, bombs, wrong types, every range) and 3 valid requests",
            expected = "each hostile file in .error/ with its reason; valid ones delivered; nothing written outside"
                    + " the data folder; no job for a hostile file; bridge still running")
    @Test
    void shouldRejectEveryHostileFileWithItsReasonAndKeepDeliveringValidRequests() throws Exception {
        Set<String> outsideBefore = filesOutsideData();
        bridge = RunningBridge.start(dataDir, Map.of());

        dropAll();

        List<String> mismatches = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> assertThat(corpus.files()).as("settled in .error/")
                .allMatch(this::settledAsError));
        for (String file : corpus.files()) {
            mismatches.addAll(mismatches(file));
        }
        assertThat(mismatches).as("every rejection carries the manifest's reason").isEmpty();
        await().atMost(WAIT).until(() -> VALID.values().stream().allMatch(id -> state(id) == JobState.DELIVERED));
        assertThat(bridge.context().getStatus()).isEqualTo(ServiceStatus.Started);
        assertThat(bridge.context().getRouteController().getRouteStatus("trigger-file-drop"))
                .isEqualTo(ServiceStatus.Started);
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).as("only valid requests reach the vendor")
                .isEqualTo(VALID.size());
        assertThat(filesOutsideData()).as("nothing written outside the data folder").isEqualTo(outsideBefore);
        assertThat(Path.of("/tmp/escaped")).as("the absolute fileName of the corpus").doesNotExist();
        assertThat(decoyHits).as("no external entity was fetched").hasValue(0);
        assertThat(deliveredNames()).as("only the valid requests' files are delivered")
                .hasSize(VALID.size()).allMatch(name -> name.startsWith("valid-download-"));
        bridge.close();
        bridge = null;
        assertThat(requestIdsInLedger()).as("no job for any hostile file").containsExactlyInAnyOrderElementsOf(
                VALID.values());
    }

    @Guarantee(id = "S7", injection = "XML with an external entity and a parameter entity pointing at a decoy server;"
            + " JSON with @class/@type naming a class; YAML with !!java class tags",
            expected = "each rejected as not a request (unknown field, unsupported tag); decoy gets 0 hits; the"
                    + " named class is never initialised")
    @Test
    void shouldRejectDocumentsThatTryToLoadClassesOrFetchEntitiesWithoutDoingEither() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of());
        List<String> files = corpus.files().stream()
                .filter(f -> f.startsWith("xxe-") || f.startsWith("jackson-") || f.startsWith("yaml-")).toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);

        for (String file : files) {
            drop(file, corpus.bytes(file, decoyUrl()));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(files).as("settled in .error/")
                .allMatch(this::settledAsError));
        assertThat(files.stream().flatMap(f -> mismatches(f).stream())).isEmpty();
        assertThat(decoyHits).as("no external entity was fetched").hasValue(0);
        assertThat(HostileCorpus.TRIPWIRE_TRIGGERED).as("no class named by a document was loaded").hasValue(0);
    }

    private void dropAll() throws IOException {
        for (String file : corpus.files()) {
            drop(file, corpus.bytes(file, decoyUrl()));
        }
        drop("valid-1.json", download("valid-download-1", "iot-valid-1").getBytes(StandardCharsets.UTF_8));
        drop("valid-2.yaml", download("valid-download-2", "iot-valid-2").getBytes(StandardCharsets.UTF_8));
        drop("valid-3.jsonl", download("valid-download-3", "iot-valid-3").replace("\n", " ")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Written beside the inbox, then moved in, so the bridge never sees a half-written file. */
    private void drop(String file, byte[] content) throws IOException {
        Path staging = Files.createDirectories(dataDir.resolve("staging"));
        Files.write(staging.resolve(file), content);
        Files.move(staging.resolve(file), bridge.inbox().resolve(file), StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean settledAsError(String file) {
        Path error = bridge.inbox().resolve(InboxArchive.ERROR);
        return Files.exists(error.resolve(file)) && Files.exists(error.resolve(file + ".error.json"));
    }

    /** What is wrong with the reason file of {@code file}, against the manifest; empty when it matches. */
    private List<String> mismatches(String file) {
        JsonNode errors;
        try {
            errors = JSON.readTree(bridge.inbox().resolve(InboxArchive.ERROR).resolve(file + ".error.json").toFile())
                    .path("errors");
        } catch (IOException e) {
            return List.of(file + ": unreadable reason file: " + e.getMessage());
        }
        List<String> wrong = new ArrayList<>();
        for (HostileCorpus.Expectation expected : corpus.expectations(file)) {
            boolean found = false;
            for (JsonNode error : errors) {
                found |= error.path("field").asText().equals(expected.field())
                        && error.path("rule").asText().contains(expected.ruleFragment());
            }
            if (!found) {
                wrong.add(file + "\t" + expected.field() + "\t" + expected.ruleFragment() + "\tgot " + errors);
            }
        }
        return wrong;
    }

    private JobState state(String requestId) {
        return bridge.ledger().findByRequestId(requestId).map(JobRecord::state).orElse(null);
    }

    private String decoyUrl() {
        return "http://127.0.0.1:" + decoy.getAddress().getPort();
    }

    private Set<String> filesOutsideData() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.startsWith(dataDir)).map(root::relativize).map(Path::toString)
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    private List<String> deliveredNames() throws IOException {
        try (Stream<Path> all = Files.walk(bridge.outbox())) {
            return all.filter(Files::isRegularFile).filter(p -> !p.startsWith(bridge.outbox().resolve(".status")))
                    .map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).toList();
        }
    }

    /** Read once the bridge has stopped: the embedded ledger opens in one process at a time. */
    private List<String> requestIdsInLedger() throws Exception {
        List<String> ids = new ArrayList<>();
        try (HikariDataSource ledger = LedgerDataSource.open(LedgerDataSource.embeddedH2Url(dataDir.resolve("state")),
                "sa", "", 2);
             Connection connection = ledger.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select request_id from job")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    static String download(String id, String instance) {
        return """
                {"id": "%s", "vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"IotInstanceId": "%s", "TableName": "product_info", "DownloadDataType": "TABLE",
                            "StartTime": 1658332800000, "EndTime": 1658406464534,
                            "FileConfig": {"fileName": "fileName01"}}}
                """.formatted(id, instance);
    }
}
