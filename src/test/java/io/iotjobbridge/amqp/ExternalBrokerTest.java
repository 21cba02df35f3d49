package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge on a broker of its own choosing (bridge.amqp.url, with a login), not the embedded one, and the AMQP
 * trigger written in Java DSL instead of YAML.
 */
class ExternalBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "workflow";
    private static final String PASSWORD = "s3ntinel-amqp-pass";

    @TempDir
    Path brokerDir;

    @TempDir
    Path dataDir;

    private BridgeBroker external;
    private RunningBridge bridge;

    @BeforeEach
    void startExternalBroker() {
        external = BridgeBroker.start(new AmqpSettings(true, Optional.empty(), Optional.of(USER),
                Optional.of(Secret.of(PASSWORD)), Optional.empty(), Optional.empty(), "iot.jobs.requests",
                "iot.jobs.events", "iot.jobs.requests.dead", 1, 1024, "127.0.0.1", 0, 10), brokerDir);
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        external.close();
    }

    @Test
    void shouldTakeRequestsFromAnExternalBrokerThroughTheJavaDslTrigger() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of(
                "bridge.amqp.url", external.url().toString(),
                "bridge.amqp.user", USER,
                "bridge.amqp.password", PASSWORD,
                "camel.main.routes-include-pattern", "classpath:routes/trigger-file-drop.camel.yaml",
                "camel.main.routes-builder-classes", AmqpTriggerRoute.class.getName()));
        assertThat(bridge.context().getRegistry().lookupByName("bridgeBroker")).as("no embedded broker").isNull();
        assertThat(bridge.context().getRoute("trigger-amqp").getEndpoint().getEndpointUri())
                .contains("iot.jobs.requests");

        try (AmqpClient client = new AmqpClient(external.url(), USER, PASSWORD)) {
            client.send("iot.jobs.requests", s -> s.createTextMessage(AmqpTriggerTest.download("external-1",
                    "iot-external-1")));
            await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("external-1")
                    .map(JobRecord::state).orElse(null) == JobState.DELIVERED);
            Message event = client.receive("iot.jobs.events", WAIT);
            assertThat(((TextMessage) event).getText()).contains("\"requestId\":\"external-1\"");
        }
    }

    @Test
    void shouldRefuseClientsWithoutTheLogin() {
        assertThatThrownBy(() -> new JmsConnectionFactory(external.url().toString()).createConnection().start())
                .isInstanceOf(JMSSecurityException.class);
    }
}
