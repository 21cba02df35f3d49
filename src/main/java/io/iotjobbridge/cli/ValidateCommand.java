package io.iotjobbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.request.RequestReader;
import io.iotjobbridge.request.RequestRules;
import io.iotjobbridge.request.Violation;
import io.iotjobbridge.sandbox.SandboxLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code validate FILE...}: checks request files offline with the rules of the bridge's own configuration, printing
 * the same reasons a dropped file gets in its {@code .error.json}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check request files offline with the same rules and configuration as the bridge.",
        footer = {"", "Examples:",
                "  iot-job-bridge validate request.json",
                "  iot-job-bridge validate samples/requests/*.json batch.jsonl",
                "  BRIDGE_CONFIG=/etc/iot-job-bridge/bridge.properties \\",
                "      iot-job-bridge validate request.yaml",
                "", "Exit: 0 every file valid, 3 a file breaks a rule,",
                "      2 a file cannot be read or is not a request file"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "request files: .json (one request or an array), .jsonl/.ndjson (JSON Lines), .yaml/.yml")
    List<Path> files;

    private final Map<String, String> env;

    ValidateCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        BridgeProperties props = OfflineConfiguration.load(env);
        // the sandbox, when enabled, stands in for the default accounts as it would in the bridge; it is not started
        SandboxLink sandbox = SandboxLink.unstarted(props);
        Accounts accounts = new Accounts(props::get, sandbox::aliyunAccount, sandbox::huaweiAccount);
        Path dataDir = Path.of(props.get("bridge.data-dir", "data")).toAbsolutePath().normalize();
        RequestReader reader = RequestRules.fromProperties(props, accounts, dataDir, Clock.systemUTC()).reader();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExitCode worst = ExitCode.OK;
        for (Path file : files) {
            try {
                RequestFiles kind = RequestFiles.of(file);
                RequestReader.Reading reading = reader.read(RequestFiles.read(file), kind.layout());
                if (reading.violations().isEmpty()) {
                    int count = reading.requests().size();
                    out.println(file + ": valid (" + count + (count == 1 ? " request)" : " requests)"));
                } else {
                    for (Violation violation : reading.violations()) {
                        out.println(file + ": " + violation.field() + ": " + violation.rule());
                    }
                    worst = worse(worst, ExitCode.INVALID);
                }
            } catch (CommandFailure e) {
                // one unreadable file does not hide what the others hold
                err.println(e.getMessage());
                worst = worse(worst, e.exitCode());
            }
        }
        return worst.code();
    }

    /** A usage error outranks an invalid file: the run did not check everything it was asked to. */
    private static ExitCode worse(ExitCode a, ExitCode b) {
        return a == ExitCode.USAGE || b == ExitCode.USAGE ? ExitCode.USAGE
                : a == ExitCode.INVALID || b == ExitCode.INVALID ? ExitCode.INVALID : ExitCode.OK;
    }
}
