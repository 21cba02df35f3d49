package io.iotjobbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code submit FILE}: hands a request file to a running bridge (POST /api/jobs) and optionally waits for its jobs. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Send a request file to a running bridge, and with --wait follow its jobs to the end.",
        footer = {"", "Examples:",
                "  iot-job-bridge submit request.json",
                "  iot-job-bridge submit --wait --timeout 2h batch.jsonl",
                "  iot-job-bridge submit --url http://bridge.example:18480 \\",
                "      --token-file /etc/iot-job-bridge/token request.yaml",
                "", "Exit: 0 taken (with --wait: every job delivered)",
                "      1 a job ended FAILED or CANCELLED",
                "      3 the bridge refused the request",
                "      4 no bridge answers, or it refused the token",
                "      5 --timeout ran out"})
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a request file: .json, .jsonl/.ndjson or .yaml/.yml")
    Path file;

    @Option(names = "--wait", description = "follow every job until it is delivered, failed or cancelled")
    boolean await;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "1000",
            description = "with --wait, how often to ask the bridge, in milliseconds (default: ${DEFAULT-VALUE})")
    long pollMillis;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "with --wait, give up after this long (for example 90m or 2h; default: no limit)")
    Duration timeout;

    @Mixin
    ConnectionOptions connection;

    private final Map<String, String> env;

    SubmitCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (pollMillis < 1) {
            throw new CommandFailure(ExitCode.USAGE, "--poll-ms must be 1 or more; was " + pollMillis);
        }
        RequestFiles kind = RequestFiles.of(file);
        byte[] document = RequestFiles.read(file);
        BridgeClient bridge = connection.connect(env);
        BridgeClient.Answer answer = bridge.post("/api/jobs", document, kind.mediaType());
        PrintWriter out = spec.commandLine().getOut();
        switch (answer.status()) {
            case 200, 202 -> {
                // 200: every request id was known already; those jobs are printed (and followed) all the same
                List<String> jobIds = new ArrayList<>();
                for (JsonNode job : answer.json().path("jobs")) {
                    out.println(JobText.field(job, "requestId") + " " + JobText.field(job, "id") + " "
                            + JobText.field(job, "state"));
                    jobIds.add(JobText.field(job, "id"));
                }
                out.flush();
                if (!await) {
                    return ExitCode.OK.code();
                }
                return new JobWatch(bridge, out, Duration.ofMillis(pollMillis), Optional.ofNullable(timeout))
                        .follow(jobIds).code();
            }
            case 413, 415, 422 -> {
                for (JsonNode violation : answer.json().path("violations")) {
                    out.println(file + ": " + JobText.field(violation, "field") + ": "
                            + JobText.field(violation, "rule"));
                }
                out.flush();
                return ExitCode.INVALID.code();
            }
            default -> throw answer.unexpected();
        }
    }
}
