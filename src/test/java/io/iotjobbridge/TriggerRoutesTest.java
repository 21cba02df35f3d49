package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.iotjobbridge.ledger.JobState;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Triggers chosen and added without recompiling: the Java DSL file trigger, and YAML routes from a folder. */
class TriggerRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SAMPLE = "samples/requests/huawei-list-batch-tasks.json";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    private boolean delivered(String requestId) {
        return bridge.ledger().findByRequestId(requestId).map(j -> j.state() == JobState.DELIVERED).orElse(false);
    }

    @Test
    void shouldLoadThePackagedYamlTriggerByDefault() throws Exception {
        bridge = bridges.start(dataDir, Map.of());

        Route trigger = bridge.context().getRoute("trigger-file-drop");

        assertThat(trigger.getSourceResource()).isNotNull();
        assertThat(trigger.getSourceResource().getLocation()).endsWith("routes/trigger-file-drop.camel.yaml");
    }

    @Test
    void shouldDeliverThroughTheJavaDslTriggerInsteadOfTheYamlOne() throws Exception {
        bridge = bridges.start(dataDir, Map.of(
                "camel.main.routes-exclude-pattern", "**/trigger-file-drop.camel.yaml",
                "camel.main.routes-builder-classes", "io.iotjobbridge.trigger.FileDropTriggerRoute"));

        bridge.drop("request.json", Files.readString(Path.of(SAMPLE)));

        await().atMost(WAIT).until(() -> delivered("huawei-firmware-upgrades"));
        await().atMost(WAIT).until(() -> Files.exists(bridge.inbox().resolve(".done/request.json")));
        assertThat(bridge.context().getRoute("trigger-file-drop").getSourceResource())
                .as("the route comes from the Java class, not from a YAML file").isNull();
    }

    @Test
    void shouldLoadATriggerRoutePutInTheRoutesFolder() throws Exception {
        Path routes = Files.createDirectories(dataDir.resolve("routes"));
        Files.writeString(routes.resolve("second-inbox.camel.yaml"), """
                # a second drop folder whose requests are taken but never archived: enough to show it is loaded
                - route:
                    id: trigger-second-inbox
                    routeConfigurationId: triggerErrors
                    from:
                      uri: "file:{{bridge.data-dir}}/second-inbox"
                      parameters:
                        readLock: changed
                        readLockMinAge: "{{bridge.inbox.read-lock-min-age-ms}}"
                        delay: "{{bridge.inbox.poll-ms}}"
                        noop: true
                      steps:
                        - to: "direct:job-submit"
                """);
        bridge = bridges.start(dataDir, Map.of());
        Path second = Files.createDirectories(dataDir.resolve("second-inbox"));

        Files.move(Files.writeString(dataDir.resolve("request.json"), Files.readString(Path.of(SAMPLE))),
                second.resolve("request.json"));

        assertThat(bridge.context().getRoute("trigger-second-inbox")).isNotNull();
        await().atMost(WAIT).until(() -> delivered("huawei-firmware-upgrades"));
    }

    @Test
    void shouldStartWithoutTheRoutesFolder() throws Exception {
        Path routes = dataDir.resolve("elsewhere/routes");

        bridge = bridges.start(dataDir, Map.of("bridge.routes-dir", routes.toString()));

        assertThat(bridge.context().getRoute("trigger-file-drop")).isNotNull();
        assertThat(routes).isEmptyDirectory();
    }
}
