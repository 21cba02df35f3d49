package io.iotjobbridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.amqp.BridgeBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's own settings file ({@code bridge.config}) wins over the packaged application.properties. */
class OperatorConfigFileTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    @Test
    void shouldTakeASettingFromTheOperatorsFileOverThePackagedDefault() throws Exception {
        // application.properties turns AMQP on; the operator's file turns it off
        Path file = Files.writeString(dataDir.resolve("bridge.properties"), "bridge.amqp.enabled = false\n");

        RunningBridge bridge = bridges.start(dataDir.resolve("data"), Map.of("bridge.config", file.toString()));

        assertThat(bridge.context().getRegistry().lookupByNameAndType("bridgeBroker", BridgeBroker.class))
                .as("no embedded broker when the operator's file turns AMQP off").isNull();
    }
}
