package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes sharing one ledger database and one inbox folder take each file once, across restarts and crashes. */
class FileDropClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TRIGGER = "trigger-file-drop";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<RunningBridge> nodes = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(RunningBridge::close);
    }

    private String ledgerUrl() {
        return "jdbc:h2:file:" + dir.resolve("shared/ledger") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    private Path inbox() {
        return dir.resolve("shared/inbox");
    }

    private RunningBridge node(String name, AtomicInteger takes, Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("bridge.ledger.url", ledgerUrl());
        settings.put("bridge.inbox.dir", inbox().toString());
        if (!nodes.isEmpty()) {
            // one simulated vendor for the whole cluster, as one real cloud account would be
            settings.put("bridge.sandbox.url", nodes.get(0).sandbox().baseUrl().toString());
        }
        RunningBridge node = RunningBridge.start(dir.resolve(name), settings, Map.of("takeCounter", counter(takes)));
        nodes.add(node);
        return node;
    }

    /** Counts the files a node's trigger took (each exchange that ran through it, well or not). */
    private static EventNotifierSupport counter(AtomicInteger takes) {
        return new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
                    if (TRIGGER.equals(((CamelEvent.ExchangeEvent) event).getExchange().getFromRouteId())) {
                        takes.incrementAndGet();
                    }
                }
            }
        };
    }

    private static String request(String id) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("samples/requests/huawei-list-batch-tasks.json").toFile());
        return JSON.writeValueAsString(id == null ? request.without("id") : request.put("id", id));
    }

    private Path stage(String fileName, String content) throws Exception {
        return Files.writeString(Files.createDirectories(dir.resolve("staging")).resolve(fileName), content);
    }

    private void drop(Path staged) throws Exception {
        Files.createDirectories(inbox());
        Files.move(staged, inbox().resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<String> namesIn(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ledgerUrl(), "sa", "");
             ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Guarantee(id = "R16", injection = "two bridges on one ledger database and one inbox, 20 files",
            expected = "each file taken once, each request one job, all archived to .done, no claim left")
    @Test
    void shouldLetOnlyOneOfTwoNodesSharingAnInboxTakeEachFile() throws Exception {
        AtomicInteger takesA = new AtomicInteger();
        AtomicInteger takesB = new AtomicInteger();
        node("node-a", takesA, Map.of());
        node("node-b", takesB, Map.of());
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "cluster-" + i).toList();

        for (String id : ids) {
            drop(stage(id + ".json", request(id)));
        }

        Set<String> expected = ids.stream().map(id -> id + ".json").collect(Collectors.toSet());
        await().atMost(WAIT).until(() -> namesIn(inbox().resolve(".done")).equals(expected));
        await().atMost(WAIT).until(() -> count("select count(*) from CAMEL_MESSAGEPROCESSED") == 0);
        assertThat(takesA.get() + takesB.get()).as("files taken by node A (%s) and B (%s)", takesA, takesB)
                .isEqualTo(ids.size());
        assertThat(namesIn(inbox())).isEmpty();
        assertThat(inbox().resolve(".error")).doesNotExist();
        assertThat(ids).allSatisfy(id -> assertThat(nodes.get(0).ledger().findByRequestId(id)).isPresent());
    }

    @Test
    void shouldNotAdmitAgainAnArchivedFileDroppedAgainAfterARestart() throws Exception {
        AtomicInteger takes = new AtomicInteger();
        RunningBridge first = node("node-a", takes, Map.of());
        drop(stage("again.json", request(null)));
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done/again.json")));
        await().atMost(WAIT).until(() -> count("select count(*) from job where state = '" + JobState.DELIVERED + "'") == 1);
        first.close();
        nodes.remove(first);

        node("node-a", takes, Map.of());
        // the same file back, name, bytes and change time alike
        Files.copy(inbox().resolve(".done/again.json"), dir.resolve("again.json"), StandardCopyOption.COPY_ATTRIBUTES);
        drop(dir.resolve("again.json"));

        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done/again-2.json")));
        // the completion event that counts a take comes after the file's move to .done/, so wait for it too
        await().atMost(WAIT).until(() -> takes.get() == 2);
        assertThat(count("select count(*) from job")).isEqualTo(1);
        assertThat(takes).hasValue(2);
    }

    @Test
    void shouldTakeAFileWhoseClaimWasLeftByANodeThatDied() throws Exception {
        Path staged = stage("orphan.json", request("orphan"));
        Instant modified = Instant.parse("2026-01-02T03:04:05.678Z");
        Files.setLastModifiedTime(staged, FileTime.from(modified));
        node("node-a", new AtomicInteger(), Map.of("bridge.inbox.claim-max-age-ms", "400"));
        claim(staged, modified, Instant.now().minusSeconds(600));

        drop(staged);

        await().atMost(WAIT).until(() -> nodes.get(0).ledger().findByRequestId("orphan").isPresent());
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done/orphan.json")));
        await().atMost(WAIT).until(() -> count("select count(*) from CAMEL_MESSAGEPROCESSED") == 0);
    }

    @Test
    void shouldNeitherTakeNorReleaseAFileAnotherNodeHolds() throws Exception {
        Path held = stage("held.json", request("held"));
        Instant modified = Instant.parse("2026-01-02T03:04:05.678Z");
        Files.setLastModifiedTime(held, FileTime.from(modified));
        node("node-a", new AtomicInteger(), Map.of());
        claim(held, modified, Instant.now());

        drop(held);
        drop(stage("first.json", request("first")));
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done/first.json")));
        // a later poll than the one that took first.json, so that one (which listed held.json too) is over
        drop(stage("second.json", request("second")));
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done/second.json")));

        assertThat(inbox().resolve("held.json")).exists();
        assertThat(nodes.get(0).ledger().findByRequestId("held")).isEmpty();
        assertThat(count("select count(*) from CAMEL_MESSAGEPROCESSED where messageId like 'held.json-%'"))
                .as("the other node's claim").isEqualTo(1);
    }

    /** A claim on {@code file} as a node would hold it, renewed last at {@code renewed}. */
    private void claim(Path file, Instant modified, Instant renewed) throws Exception {
        try (Connection c = DriverManager.getConnection(ledgerUrl(), "sa", "");
             PreparedStatement claim = c.prepareStatement(
                     "insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) values (?, ?, ?)")) {
            claim.setString(1, "file-drop");
            claim.setString(2, file.getFileName() + "-" + Files.size(file) + "-" + modified.toEpochMilli());
            claim.setTimestamp(3, Timestamp.from(renewed));
            claim.executeUpdate();
        }
    }
}
