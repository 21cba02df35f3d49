package io.iotjobbridge.cli;

import java.util.concurrent.Callable;

import io.iotjobbridge.sandbox.SandboxMain;
import picocli.CommandLine.Command;

/** {@code sandbox}: only the vendor simulator, as a process of its own, until it is stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run only the vendor sandbox (Alibaba and Huawei simulators) until it is stopped.",
        footer = {"", "Settings come from bridge.sandbox.* system properties or environment variables.",
                "", "Examples:",
                "  iot-job-bridge sandbox",
                "  java -Dbridge.sandbox.port=18601 -jar iot-job-bridge.jar sandbox",
                "  then run bridges with",
                "      -Dbridge.sandbox.url=http://127.0.0.1:18601"})
final class SandboxCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        SandboxMain.run();
        return ExitCode.OK.code();
    }
}
