package io.iotjobbridge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application ({@code target/iot-job-bridge.jar}, or the {@code bridge.jar} system property failsafe
 * sets), started in a JVM of its own: how the integration tests run the real thing, kill it and read what it logged.
 */
public final class PackagedJar {

    private PackagedJar() {
    }

    public static Path path() {
        return Path.of(System.getProperty("bridge.jar", "target/iot-job-bridge.jar"));
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> <args>} (the operations server on a free port) with standard output and error both going to {@code log}, so
     * nothing blocks on a full pipe and the log survives the process.
     */
    public static Process start(List<String> jvmOptions, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the operations server on a free port, so processes side by side never collide; a later -D overrides it
        command.add("-Dbridge.http.port=0");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(path().toString());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A port nothing listens on right now, for a process that must be told its port before it starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
