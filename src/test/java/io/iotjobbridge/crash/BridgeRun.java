package io.iotjobbridge.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.iotjobbridge.testing.PackagedJar;

/**
 * One life of the packaged bridge on a data folder, in a JVM of its own with its own log file: it ends halted at a
 * crash point, killed, or stopped gracefully, and a later life on the same folder picks up where it left off.
 */
final class BridgeRun {

    /** Longest any one wait of these tests may take. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** "job <id> request <requestId> (<vendor> <operation> <vendor job>) is <STATE> (was <STATE>)[: reason]" */
    private static final Pattern STATE_LINE = Pattern.compile(" request (\\S+) \\(.*\\) is ([A-Z]+)");
    /** A line the bridge writes when a job moves on: a new state, or a file at its destination. */
    private static final Pattern PROGRESS_LINE =
            Pattern.compile("(transitions - job .* is [A-Z]+|JobEngine - job .* delivered )");

    private final Process process;
    private final Path log;

    private BridgeRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts life number {@code life} of the bridge on {@code dataDir}, logging to {@code bridge-<life>.log} there.
     *
     * @param properties system properties, each as key and value
     */
    static BridgeRun start(Path dataDir, int life, Map<String, String> properties) throws IOException {
        Files.createDirectories(dataDir.resolve("inbox"));
        List<String> options = new ArrayList<>();
        // a short-lived JVM: the first compiler tier starts it sooner, and it never runs long enough to miss the rest
        options.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        Path log = dataDir.resolve("bridge-" + life + ".log");
        return new BridgeRun(PackagedJar.start(options, List.of(), log), log);
    }

    /** Waits for the process to end by itself (a crash point halts it) and gives its exit status. */
    int awaitExit() throws InterruptedException {
        await("the bridge to halt (log " + log + ")").atMost(MAX_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !process.isAlive());
        return process.waitFor();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or rolled back. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** A graceful stop (SIGTERM): Camel finishes what is in flight and closes the ledger. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(MAX_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the bridge did not stop within " + MAX_WAIT + " of SIGTERM (log " + log + ")");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return log;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Request ids this life logged as having reached {@code state}. */
    Set<String> requestsThatReached(String state) throws IOException {
        return log().lines().map(STATE_LINE::matcher).filter(Matcher::find).filter(m -> m.group(2).equals(state))
                .map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** How many times this life has logged a job moving on. */
    long progressLines() throws IOException {
        return log().lines().filter(line -> PROGRESS_LINE.matcher(line).find()).count();
    }
}
