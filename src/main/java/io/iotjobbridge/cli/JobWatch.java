package io.iotjobbridge.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows jobs until each is finished ({@code submit --wait}): asks the bridge for every unfinished job once per
 * poll interval and prints a job's line only when where it stands has changed, so a wait of hours prints a few
 * dozen lines, not thousands.
 */
final class JobWatch {

    private final BridgeClient bridge;
    private final PrintWriter out;
    private final Duration poll;
    private final Optional<Duration> timeout;

    JobWatch(BridgeClient bridge, PrintWriter out, Duration poll, Optional<Duration> timeout) {
        this.bridge = bridge;
        this.out = out;
        this.poll = poll;
        this.timeout = timeout;
    }

    /** @param jobIds the jobs to follow, by job id */
    ExitCode follow(List<String> jobIds) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        Map<String, String> printed = new LinkedHashMap<>();
        while (true) {
            for (String id : jobIds) {
                JsonNode known = latest.get(id);
                if (known == null || !JobText.finished(known.path("job"))) {
                    JsonNode detail = detail(id);
                    latest.put(id, detail);
                    String line = JobText.standing(detail.path("job"));
                    if (!line.equals(printed.put(id, line))) {
                        out.println(JobText.field(detail.path("job"), "requestId") + " " + line);
                        out.flush();
                    }
                }
            }
            if (latest.values().stream().allMatch(d -> JobText.finished(d.path("job")))) {
                return outcome(latest.values());
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (timeout.isPresent() && waited.compareTo(timeout.get()) >= 0) {
                return timedOut(latest.values());
            }
            Duration pause = timeout.map(t -> t.minus(waited)).filter(left -> left.compareTo(poll) < 0).orElse(poll);
            Thread.sleep(Math.max(1, pause.toMillis()));
        }
    }

    private JsonNode detail(String id) {
        BridgeClient.Answer answer = bridge.get("/api/jobs/" + BridgeClient.segment(id));
        if (answer.status() == 404) {
            throw new CommandFailure(ExitCode.UNAVAILABLE, "the bridge no longer knows job " + id);
        }
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        return answer.json();
    }

    /** Every job finished: the files of the delivered ones, the reasons of the others. */
    private ExitCode outcome(Iterable<JsonNode> details) {
        List<String> unsuccessful = new ArrayList<>();
        for (JsonNode detail : details) {
            JsonNode job = detail.path("job");
            String requestId = JobText.field(job, "requestId");
            if ("DELIVERED".equals(JobText.field(job, "state"))) {
                for (JsonNode file : detail.path("files")) {
                    out.println(requestId + " delivered " + JobText.field(file, "location"));
                }
            } else {
                unsuccessful.add(requestId + " " + JobText.field(job, "state") + ": "
                        + Optional.ofNullable(JobText.field(job, "reason")).orElse("no reason given"));
            }
        }
        unsuccessful.forEach(out::println);
        out.flush();
        return unsuccessful.isEmpty() ? ExitCode.OK : ExitCode.JOB_FAILED;
    }

    private ExitCode timedOut(Iterable<JsonNode> details) {
        out.println("timed out after " + timeout.orElseThrow().toString().substring(2).toLowerCase() + "; the jobs"
                + " go on in the bridge:");
        for (JsonNode detail : details) {
            JsonNode job = detail.path("job");
            out.println(JobText.field(job, "requestId") + " " + JobText.field(job, "id") + " "
                    + JobText.standing(job));
        }
        out.flush();
        return ExitCode.TIMEOUT;
    }
}
