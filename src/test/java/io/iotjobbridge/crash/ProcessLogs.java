package io.iotjobbridge.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs of the processes a scenario starts, printed when the scenario fails: what a forked bridge did is only in
 * its log, and the temporary folder holding it is gone by the time anyone reads the test report.
 */
final class ProcessLogs {

    /** A scenario body. */
    @FunctionalInterface
    interface Scenario {
        void run() throws Exception;
    }

    private final List<Path> logs = new ArrayList<>();

    void watch(Path log) {
        logs.add(log);
    }

    void printOnFailure(Scenario scenario) throws Exception {
        try {
            scenario.run();
        } catch (Exception | Error e) {
            print();
            throw e;
        }
    }

    private void print() {
        for (Path log : logs) {
            System.out.println("==== " + log + " ====");
            try {
                System.out.println(Files.exists(log) ? Files.readString(log) : "(no log written)");
            } catch (IOException e) {
                System.out.println("(unreadable: " + e + ")");
            }
        }
    }
}
