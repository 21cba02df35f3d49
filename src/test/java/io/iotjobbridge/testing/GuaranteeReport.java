package io.iotjobbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes one row per {@link Guarantee} test (scenario, injection, expected, observed) and rebuilds the table
 * {@code target/guarantees/report.md} from all rows after each, so unit and integration test runs, in JVMs of their
 * own, add to one report. Observed is "holds" or the first line of the failure.
 */
public final class GuaranteeReport implements TestWatcher {

    static final Path FOLDER = Path.of("target", "guarantees");
    private static final Pattern SCENARIO_ORDER = Pattern.compile("([A-Z]+)(\\d+)");

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "holds");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip();
        record(context, "**broken**: " + message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "not run: " + cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "not run: " + reason.orElse("disabled"));
    }

    private static void record(ExtensionContext context, String observed) {
        Guarantee guarantee = context.getRequiredTestMethod().getAnnotation(Guarantee.class);
        if (guarantee == null) {
            return;
        }
        String method = context.getRequiredTestMethod().getName();
        // a parameterized test's invocations each get a row, named by their display name
        String invocation = context.getDisplayName().startsWith(method + "(") ? "" : " [" + context.getDisplayName() + "]";
        String test = context.getRequiredTestClass().getSimpleName() + "." + method + invocation;
        String row = String.join(" | ", "| " + guarantee.id(), cell(guarantee.injection()), cell(guarantee.expected()),
                cell(observed), "`" + cell(test) + "` |");
        try {
            Files.createDirectories(FOLDER.resolve("rows"));
            Path file = FOLDER.resolve("rows").resolve(guarantee.id() + "--" + test.replaceAll("[^A-Za-z0-9.-]", "_")
                    + ".row");
            Files.writeString(file, row, StandardCharsets.UTF_8);
            rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the guarantee report", e);
        }
    }

    private static synchronized void rebuild() throws IOException {
        List<Path> rows;
        try (Stream<Path> files = Files.list(FOLDER.resolve("rows"))) {
            rows = new ArrayList<>(files.filter(f -> f.toString().endsWith(".row")).toList());
        }
        rows.sort(Comparator.comparing(GuaranteeReport::orderKey));
        StringBuilder table = new StringBuilder("| scenario | injection | expected | observed | test |\n"
                + "|---|---|---|---|---|\n");
        for (Path row : rows) {
            table.append(Files.readString(row, StandardCharsets.UTF_8)).append('\n');
        }
        Path temp = Files.createTempFile(FOLDER, "report-", ".tmp");
        Files.writeString(temp, table, StandardCharsets.UTF_8);
        Files.move(temp, FOLDER.resolve("report.md"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** R2 before R10, and the R scenarios before the S ones. */
    private static String orderKey(Path row) {
        String name = row.getFileName().toString();
        var m = SCENARIO_ORDER.matcher(name);
        return m.lookingAt() ? String.format("%s%04d%s", m.group(1).equals("R") ? "A" : "B",
                Integer.parseInt(m.group(2)), name) : "Z" + name;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
