package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.destination.SftpServer;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The whole application delivering to an SFTP server, keeping its password to itself, and refusing names that climb. */
class DestinationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final String PASSWORD = "Pw-remote-7f3a9c";
    private static final String WRONG_PASSWORD = "Pw-wrong-41d2e8";

    @TempDir
    Path dir;

    private RunningBridge bridge;
    private SftpServer sftp;
    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (sftp != null) {
            sftp.close();
        }
        cleanups.forEach(Runnable::run);
    }

    @Test
    void shouldDeliverTheFileAndItsManifestToAnSftpDestination() throws Exception {
        sftp = SftpServer.start(dir.resolve("sftp"), dir, PASSWORD);
        bridge = RunningBridge.start(dir.resolve("data"),
                Map.of("bridge.destinations.remote.uri", sftp.endpointUri("upload")));

        bridge.drop("request.json", request("to-sftp", "remote"));

        JobRecord job = awaitState("to-sftp", JobState.DELIVERED);
        List<DeliveredFile> files = bridge.ledger().files(job.id());
        assertThat(files).singleElement().satisfies(file -> {
            Path onServer = sftp.root().resolve("upload").resolve(file.name());
            assertThat(file.location()).isEqualTo("remote:" + file.name());
            assertThat(Files.size(onServer)).isEqualTo(file.sizeBytes()).isPositive();
            assertThat(sha256(onServer)).isEqualTo(file.sha256());
        });
        String folder = files.get(0).name().substring(0, files.get(0).name().lastIndexOf('/') + 1);
        JsonNode manifest = new ObjectMapper().readTree(
                sftp.root().resolve("upload").resolve(folder + "to-sftp-manifest.json").toFile());
        assertThat(manifest.path("jobId").asText()).isEqualTo(job.id());
        assertThat(manifest.path("requestId").asText()).isEqualTo("to-sftp");
        assertThat(manifest.path("vendor").asText()).isEqualTo("aliyun");
        assertThat(manifest.path("operation").asText()).isEqualTo("CreateDownloadDataJob");
        assertThat(manifest.path("vendorJobId").asText()).isEqualTo(job.vendorJobId());
        assertThat(manifest.path("timeWindow").path("start").asText()).isEqualTo("2022-07-20T16:00:00Z");
        assertThat(manifest.path("timeWindow").path("end").asText()).isEqualTo("2022-07-21T12:27:44.534Z");
        assertThat(manifest.path("files")).singleElement().satisfies(entry -> {
            assertThat(entry.path("name").asText()).isEqualTo(files.get(0).name());
            assertThat(entry.path("sizeBytes").asLong()).isEqualTo(files.get(0).sizeBytes());
            assertThat(entry.path("sha256").asText()).isEqualTo(files.get(0).sha256());
        });
        assertThat(filesUnder(sftp.root())).as("nothing else on the server, no temporary file")
                .containsExactlyInAnyOrder("upload/" + files.get(0).name(), "upload/" + folder + "to-sftp-manifest.json");
        assertThat(filesUnder(bridge.outbox())).as("nothing in the local outbox but the job's status event")
                .allMatch(name -> name.startsWith(".status/"));
    }

    @Test
    void shouldNeverLogTheSftpPasswordOfADestinationThatWorksOrOneThatRefusesIt() throws Exception {
        ListAppender<ILoggingEvent> logs = captureLogs();
        sftp = SftpServer.start(dir.resolve("sftp"), dir, PASSWORD);
        bridge = RunningBridge.start(dir.resolve("data"), Map.of(
                "bridge.destinations.remote.uri", sftp.endpointUri("upload"),
                "bridge.destinations.locked.uri", sftp.endpointUri("upload", WRONG_PASSWORD),
                "bridge.engine.max-attempts", "2"));

        bridge.drop("good.json", request("good", "remote"));
        bridge.drop("refused.json", request("refused", "locked"));

        awaitState("good", JobState.DELIVERED);
        JobRecord refused = awaitState("refused", JobState.FAILED);
        assertThat(refused.reason()).contains("to destination locked").doesNotContain(WRONG_PASSWORD);
        List<String> logged = logs.list.stream().map(DestinationFlowTest::everythingIn).toList();
        assertThat(logged).as("the refusal was logged").anyMatch(line -> line.contains("destination locked"));
        assertThat(logged).as("log lines mentioning a password").noneMatch(line -> line.contains(PASSWORD)
                || line.contains(WRONG_PASSWORD));
    }

    @Guarantee(id = "S1", injection = "FileConfig.fileName ../../../escaped in a request",
            expected = "rejected naming params.FileConfig.fileName; no vendor call; nothing written")
    @Test
    void shouldRejectARequestWhoseFileNameClimbsOutOfTheOutboxAndWriteNothing() throws Exception {
        bridge = RunningBridge.start(dir.resolve("data"), Map.of());

        bridge.drop("climb.json", request("climb", "default").replace("\"fileName01\"", "\"../../../escaped\""));

        Path reason = bridge.inbox().resolve(".error/climb.json.error.json");
        await().atMost(WAIT).until(() -> Files.exists(reason));
        JsonNode errors = new ObjectMapper().readTree(reason.toFile()).path("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("params.FileConfig.fileName");
            assertThat(error.path("rule").asText()).isEqualTo("must not contain '/' or '\\'");
        });
        assertThat(bridge.ledger().findByRequestId("climb")).isEmpty();
        assertThat(bridge.sandbox().stats().callsOf("CreateDownloadDataJob")).isZero();
        assertThat(filesUnder(dir)).as("no file named after the request anywhere")
                .noneMatch(name -> name.contains("escaped") && !name.startsWith("data/inbox/"));
    }

    private JobRecord awaitState(String requestId, JobState state) {
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(requestId)
                .map(j -> j.state() == state).orElse(false));
        return bridge.job(requestId);
    }

    private static String request(String id, String destination) throws Exception {
        return Files.readString(Path.of(SAMPLE)).replace("product-info-2022-07-20", id)
                .replace("\"destination\": \"default\"", "\"destination\": \"" + destination + "\"");
    }

    /** Every log event from here on, with the bridge's and Camel's file and SFTP loggers at DEBUG. */
    private ListAppender<ILoggingEvent> captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        cleanups.add(() -> root.detachAppender(appender));
        for (String name : List.of("io.iotjobbridge", "org.apache.camel.component.file", "com.jcraft.jsch")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            Level before = logger.getLevel();
            logger.setLevel(Level.DEBUG);
            cleanups.add(() -> logger.setLevel(before));
        }
        return appender;
    }

    /** The event's message with its arguments, and every message and stack frame of its exception chain. */
    private static String everythingIn(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith("host-key.ser")).toList();
        }
    }
}
