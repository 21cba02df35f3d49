package io.iotjobbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.iotjobbridge.BridgeApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code run} (also the command line without arguments): the bridge itself, until it is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bridge until it is stopped (what the jar does without arguments).",
        footer = {"", "Examples:",
                "  iot-job-bridge run",
                "  java -Dbridge.config=/etc/iot-job-bridge/bridge.properties \\",
                "      -jar iot-job-bridge.jar run",
                "  iot-job-bridge run -duration 60",
                "      (arguments after run go to Camel Main)"})
final class RunCommand implements Callable<Integer> {

    @Unmatched
    List<String> camelArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        BridgeApplication.newMain(new Properties()).run(camelArguments.toArray(String[]::new));
        return ExitCode.OK.code();
    }
}
