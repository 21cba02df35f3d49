package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.ledger.EventOutbox;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.testing.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge's broker goes away and comes back on the same journal while requests and events are in flight. */
class BrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int REQUESTS = 100;

    @TempDir
    Path brokerDir;

    @TempDir
    Path dataDir;

    private BridgeBroker broker;
    private RunningBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Guarantee(id = "R10", injection = "100 request messages queued; the broker is stopped and started again on the"
            + " same journal while the bridge consumes and publishes events",
            expected = "all 100 become one job each; none lost, none twice; the consumer reconnects; every status"
                    + " event is published once the broker is back")
    void shouldTakeEveryRequestOnceAcrossABrokerRestart() throws Exception {
        AmqpSettings settings = new AmqpSettings(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "iot.jobs.requests", "iot.jobs.events", "iot.jobs.requests.dead",
                2, 1024 * 1024, "127.0.0.1", PackagedJar.freePort(), 10);
        broker = BridgeBroker.start(settings, brokerDir);
        try (AmqpClient client = new AmqpClient(broker.url())) {
            for (int i = 0; i < REQUESTS; i++) {
                String id = "restart-" + i;
                client.send("iot.jobs.requests", s -> s.createTextMessage(listBatchTasks(id)));
            }
        }
        bridge = RunningBridge.start(dataDir, Map.of("bridge.amqp.url", broker.url().toString(),
                // the consumer's reconnect pause after losing its broker
                "bridge.amqp.recovery-ms", "200"));
        await().atMost(WAIT).until(() -> admitted() >= 10);

        broker.close();
        long admittedWhileDown = admitted();
        broker = BridgeBroker.start(settings, brokerDir);

        await().atMost(WAIT).until(() -> admitted() == REQUESTS);
        assertThat(admittedWhileDown).as("the broker went down mid-stream").isLessThan(REQUESTS);
        IntStream.range(0, REQUESTS).forEach(i -> assertThat(bridge.ledger().history(bridge.job("restart-" + i).id()))
                .filteredOn(t -> t.state() == JobState.RECEIVED).as("restart-%d recorded once", i).hasSize(1));
        EventOutbox outbox = bridge.context().getRegistry().lookupByNameAndType("eventOutbox", EventOutbox.class);
        await().atMost(WAIT).until(() -> outbox.pendingCount() == 0);
        assertThat(broker.pending("iot.jobs.requests")).as("every request acknowledged").isZero();
    }

    private long admitted() {
        return IntStream.range(0, REQUESTS)
                .filter(i -> bridge.ledger().findByRequestId("restart-" + i).isPresent()).count();
    }

    private static String listBatchTasks(String id) {
        return """
                {"id": "%s", "vendor": "huawei", "account": "default", "operation": "ListBatchTasks",
                 "params": {"task_type": "firmwareUpgrade", "limit": 50},
                 "options": {"waitUntilFinished": false, "exportFinished": false}}
                """.formatted(id);
    }
}
