package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.RunningBridges;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge on a real external AMQP 1.0 broker, given by {@code -Dbridge.test.amqp-url} (with
 * {@code bridge.test.amqp-user}/{@code -password}, and {@code bridge.test.amqp-transacted=false} for a broker without
 * AMQP transactions); {@code .ci/run} points it at the machine's RabbitMQ (3.x, AMQP 1.0 plugin, no transactions). Each run
 * uses queues of its own, so nothing an earlier run left behind is read.
 */
@EnabledIfSystemProperty(named = "bridge.test.amqp-url", matches = ".+")
class ExternalAmqpBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldTakeARequestPublishItsEventsAndDeadLetterAnInvalidOne() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String requests = "bridge-it-" + run + "-requests";
        String events = "bridge-it-" + run + "-events";
        String dead = "bridge-it-" + run + "-dead";
        URI url = URI.create(System.getProperty("bridge.test.amqp-url"));
        String user = System.getProperty("bridge.test.amqp-user", "guest");
        String password = System.getProperty("bridge.test.amqp-password", "guest");
        bridge = bridges.start(dataDir, Map.of(
                "bridge.amqp.url", url.toString(), "bridge.amqp.user", user, "bridge.amqp.password", password,
                "bridge.amqp.transacted", System.getProperty("bridge.test.amqp-transacted", "true"),
                "bridge.amqp.requests", requests, "bridge.amqp.events", events, "bridge.amqp.dead-letter", dead));

        try (AmqpClient client = new AmqpClient(url, user, password)) {
            client.send(requests, s -> s.createTextMessage(AmqpTriggerTest.download("external-" + run,
                    "iot-external-" + run)));
            client.send(requests, s -> s.createTextMessage("{\"vendor\": \"nobody\"}"));

            await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("external-" + run)
                    .map(JobRecord::state).orElse(null) == JobState.DELIVERED);
            Message event = client.receive(events, WAIT);
            assertThat(((TextMessage) event).getText()).contains("\"requestId\":\"external-" + run + "\"");
            Message deadLetter = client.receive(dead, WAIT);
            assertThat(deadLetter.getStringProperty(RequestMessages.REASON_PROPERTY)).contains("vendor");
        }
    }
}
