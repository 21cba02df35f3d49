package io.iotjobbridge.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BridgeCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "sandbox", "validate", "submit", "status"})
    void shouldExplainEachCommandWithExamplesAndExitZero(String command) {
        Cli.Result result = Cli.run(command, "--help");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).startsWith("Usage: iot-job-bridge " + command)
                .contains("Examples:", "iot-job-bridge " + command);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldListTheCommandsAndTheExitCodes() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("Commands:", "  run ", "  sandbox ", "  validate ", "  submit ", "  status ",
                "Exit codes:", "5 --timeout ran out");
    }

    @Test
    void shouldRefuseAnUnknownCommandWithExitTwo() {
        Cli.Result result = Cli.run("frobnicate");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'", "iot-job-bridge --help");
    }

    @Test
    void shouldRefuseAMissingFileArgumentWithExitTwo() {
        Cli.Result result = Cli.run("submit");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void shouldPrintAVersion() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).startsWith("iot-job-bridge ");
    }

    @Test
    void shouldTellServicesFromCommandsThatEnd() {
        assertThat(BridgeCli.startsService(new String[0])).isTrue();
        assertThat(BridgeCli.startsService(new String[] {"run"})).isTrue();
        assertThat(BridgeCli.startsService(new String[] {"sandbox"})).isTrue();
        assertThat(BridgeCli.startsService(new String[] {"status"})).isFalse();
    }
}
