package io.iotjobbridge.cli;

import java.io.PrintWriter;
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

/** {@code status [ID]}: the newest jobs as a table, or one job with its history, files and vendor calls. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the newest jobs of a running bridge, or one job with its history, files and vendor calls.",
        footer = {"", "Examples:",
                "  iot-job-bridge status",
                "  iot-job-bridge status --state RUNNING,FAILED --limit 20",
                "  iot-job-bridge status product-info-2022-07-20",
                "  iot-job-bridge status --json <job id>",
                "", "Exit: 0 shown, 4 no bridge, token refused or no such job"})
final class StatusCommand implements Callable<Integer> {

    /** A job's detail ends with at most this many vendor calls, the latest ones; --json shows them all. */
    static final int CALLS_SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "a job id or request id (default: list the newest jobs)")
    String id;

    @Option(names = "--state", paramLabel = "S[,S...]",
            description = "list only jobs in these states, for example RUNNING,FAILED")
    String state;

    @Option(names = "--limit", paramLabel = "N", description = "list at most N jobs, 1 to 1000 (default: the bridge's, 100)")
    Integer limit;

    @Option(names = "--json", description = "print the status API's JSON answer as it is")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    private final Map<String, String> env;

    StatusCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (id != null && (state != null || limit != null)) {
            throw new CommandFailure(ExitCode.USAGE, "--state and --limit filter the list; leave them out with an ID");
        }
        BridgeClient bridge = connection.connect(env);
        BridgeClient.Answer answer = bridge.get(id == null ? "/api/jobs" + query() : "/api/jobs/" + BridgeClient.segment(id));
        if (answer.status() == 404 && id != null) {
            throw new CommandFailure(ExitCode.UNAVAILABLE, "no job has the id or request id " + id);
        }
        if (answer.status() == 400) {
            throw new CommandFailure(ExitCode.USAGE, "the bridge refused the filter: " + answer.violations());
        }
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer.body());
        } else if (id == null) {
            printTable(out, answer.json().path("jobs"));
        } else {
            printDetail(out, answer.json());
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private String query() {
        List<String> parameters = new ArrayList<>();
        Optional.ofNullable(state).ifPresent(s -> parameters.add("state=" + BridgeClient.segment(s)));
        Optional.ofNullable(limit).ifPresent(n -> parameters.add("limit=" + n));
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private static void printTable(PrintWriter out, JsonNode jobs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "REQUEST", "VENDOR", "OPERATION", "UPDATED", "STATE"});
        for (JsonNode job : jobs) {
            rows.add(new String[] {text(job, "id"), text(job, "requestId"), text(job, "vendor"), text(job, "operation"),
                    text(job, "updatedAt"), JobText.standing(job)});
        }
        if (rows.size() == 1) {
            out.println("no jobs");
            return;
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // the last column (where the job stands) is free text of any length, so it is not padded
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line);
        }
    }

    private static void printDetail(PrintWriter out, JsonNode detail) {
        JsonNode job = detail.path("job");
        out.println("job          " + text(job, "id"));
        out.println("request      " + text(job, "requestId"));
        out.println("operation    " + text(job, "vendor") + " " + text(job, "operation") + " on account "
                + text(job, "account") + ", to destination " + text(job, "destination"));
        out.println("state        " + JobText.standing(job));
        out.println("vendor job   " + text(job, "vendorJobId"));
        out.println("attempts     " + text(job, "attempts"));
        out.println("created      " + text(job, "createdAt") + ", updated " + text(job, "updatedAt"));
        out.println("history:");
        for (JsonNode step : detail.path("history")) {
            out.println("  " + text(step, "at") + "  " + text(step, "state")
                    + optional(" vendor job ", JobText.field(step, "vendorJobId"))
                    + optional(" ", percent(JobText.field(step, "progress")))
                    + optional(": ", JobText.field(step, "detail")));
        }
        out.println("files:");
        for (JsonNode file : detail.path("files")) {
            out.println("  " + text(file, "location") + "  " + text(file, "sizeBytes") + " bytes  sha256 "
                    + text(file, "sha256") + "  delivered " + text(file, "deliveredAt"));
        }
        JsonNode calls = detail.path("calls");
        out.println("vendor calls (the last " + Math.min(CALLS_SHOWN, calls.size()) + " of " + calls.size() + "):");
        for (int i = Math.max(0, calls.size() - CALLS_SHOWN); i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            out.println("  " + text(call, "at") + "  " + text(call, "vendor") + "/" + text(call, "account") + " "
                    + text(call, "action") + " " + text(call, "outcome") + optional(" ", JobText.field(call, "code"))
                    + optional(" in ", millis(JobText.field(call, "durationMs"))));
        }
    }

    /** A field for a table or detail line: "-" where the API has no value. */
    private static String text(JsonNode node, String field) {
        return Optional.ofNullable(JobText.field(node, field)).orElse("-");
    }

    private static String optional(String prefix, String value) {
        return value == null ? "" : prefix + value;
    }

    private static String millis(String duration) {
        return duration == null ? null : duration + " ms";
    }

    private static String percent(String progress) {
        return progress == null ? null : progress + "%";
    }
}
