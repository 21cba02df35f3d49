package io.iotjobbridge.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotjobbridge.request.Violation;

/**
 * Settles a request file once its intake is committed: accepted and duplicate requests go to {@code .done/},
 * rejected ones to {@code .error/} beside a {@code <file>.error.json} that says what is wrong. Names already taken
 * get a numbered suffix, because an archived request is never overwritten.
 */
public final class InboxArchive {

    public static final String DONE = ".done";
    public static final String ERROR = ".error";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path inbox;
    private final Clock clock;

    public InboxArchive(Path inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** @return the path, relative to the inbox, the file consumer moves the request file to */
    public String settle(String fileName, IntakeResult result) throws IOException {
        boolean rejected = result.outcome() == IntakeResult.Outcome.REJECTED;
        Path folder = inbox.resolve(rejected ? ERROR : DONE);
        Files.createDirectories(folder);
        String archived = freeName(folder, fileName);
        if (rejected) {
            writeReasons(folder.resolve(archived + ".error.json"), fileName, result.violations());
        }
        return folder.getFileName() + "/" + archived;
    }

    private void writeReasons(Path target, String fileName, List<Violation> violations) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", fileName);
        report.put("rejectedAt", clock.instant().toString());
        report.put("errors", violations.stream().map(v -> Map.of("field", v.field(), "rule", v.rule())).toList());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, JSON.writeValueAsBytes(report));
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String freeName(Path folder, String fileName) {
        if (!Files.exists(folder.resolve(fileName)) && !Files.exists(folder.resolve(fileName + ".error.json"))) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n + ext;
            if (!Files.exists(folder.resolve(candidate))) {
                return candidate;
            }
        }
    }
}
