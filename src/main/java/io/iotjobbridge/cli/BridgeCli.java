package io.iotjobbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The fat jar's command line: {@code run} (the default) and {@code sandbox} start services, {@code validate},
 * {@code submit} and {@code status} do one thing and end with an {@link ExitCode}.
 */
@Command(name = "iot-job-bridge", mixinStandardHelpOptions = true, versionProvider = BridgeCli.Version.class,
        description = "Drives Alibaba Cloud IoT and Huawei Cloud IoTDA export jobs from request to delivered file."
                + " Without a command it runs the bridge.",
        footer = {"", "Examples:",
                "  java -jar target/iot-job-bridge.jar          (runs the bridge)",
                "  java -jar target/iot-job-bridge.jar validate request.json",
                "  java -jar target/iot-job-bridge.jar submit --wait request.json",
                "  java -jar target/iot-job-bridge.jar status --state FAILED",
                "  java -jar target/iot-job-bridge.jar <command> --help",
                "", "Exit codes:",
                "  0 done            1 a job failed, or an unexpected answer",
                "  2 usage error     3 invalid request",
                "  4 no bridge, token refused or no such job",
                "  5 --timeout ran out"})
public final class BridgeCli implements Callable<Integer> {

    private static final Set<String> SERVICES = Set.of("run", "sandbox");

    private BridgeCli() {
    }

    /**
     * Runs one command line without ever calling {@code System.exit}, so tests and the application share it.
     *
     * @param env the environment ({@code BRIDGE_HTTP_TOKEN}, {@code BRIDGE_CONFIG})
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new BridgeCli())
                .addSubcommand(new CommandLine(new RunCommand()))
                .addSubcommand(new CommandLine(new SandboxCommand()))
                .addSubcommand(new CommandLine(new ValidateCommand(env)))
                .addSubcommand(new CommandLine(new SubmitCommand(env)))
                .addSubcommand(new CommandLine(new StatusCommand(env)));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof CommandFailure failure) {
                failed.getErr().println(failure.getMessage());
                return failure.exitCode().code();
            }
            // anything else is a fault worth its message, but a stack trace would bury it (and the message is ours
            // or a settings key's, never a secret)
            failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
            return ExitCode.JOB_FAILED.code();
        });
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter usage = e.getCommandLine().getErr();
            usage.println(e.getMessage());
            usage.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        return commandLine.execute(args);
    }

    /**
     * Whether these arguments start a service that runs until the JVM is stopped ({@code run}, {@code sandbox}, or no
     * command): such a command's end must not call {@code System.exit}, which would block the shutdown hooks.
     */
    public static boolean startsService(String[] args) {
        return args.length == 0 || SERVICES.contains(args[0]);
    }

    /** Without a command: the bridge, exactly as the jar always ran it. */
    @Override
    public Integer call() throws Exception {
        return new RunCommand().call();
    }

    /** The version Maven packaged into the jar; a build from the IDE or the test classpath has none. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            try (InputStream pom = BridgeCli.class.getResourceAsStream(
                    "/META-INF/maven/io.iotjobbridge/iot-job-bridge/pom.properties")) {
                if (pom == null) {
                    return new String[] {"iot-job-bridge (development build)"};
                }
                Properties properties = new Properties();
                properties.load(pom);
                return new String[] {"iot-job-bridge " + properties.getProperty("version")};
            }
        }
    }
}
