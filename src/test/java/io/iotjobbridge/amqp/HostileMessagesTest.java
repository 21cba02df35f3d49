package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.hostile.HostileCorpus;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents of the hostile corpus sent as AMQP request messages to a running bridge. */
class HostileMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUESTS = "iot.jobs.requests";
    private static final String DEAD = "iot.jobs.requests.dead";
    private static final List<String> SENT = List.of("xxe-doctype.json", "yaml-java-tag.yaml", "jackson-class-top.json",
            "binary-garbage.json", "deep-nesting.json", "yaml-billion-laughs.yaml", "filename-dotdot-slash.json",
            "filename-percent-encoded.json", "empty.json", "invalid-utf8.json");

    @TempDir
    Path dataDir;

    private final HostileCorpus corpus = HostileCorpus.load();
    private RunningBridge bridge;
    private AmqpClient client;

    @BeforeEach
    void start() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of());
        client = new AmqpClient(bridge.brokerUrl());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        bridge.close();
    }

    @Guarantee(id = "S7", injection = "hostile corpus documents (XML/DTD, !!java tag, @class, binary, deep nesting,"
            + " YAML bomb, path traversal, empty, invalid UTF-8) as AMQP messages, then a valid request",
            expected = "each dead-lettered unchanged with the manifest's reason; no job; the valid request delivered")
    @Test
    void shouldDeadLetterEveryHostileMessageWithItsReasonAndKeepDeliveringValidOnes() throws Exception {
        Map<String, String> fileByBody = new HashMap<>();
        for (String file : SENT) {
            byte[] body = corpus.bytes(file, "http://127.0.0.1:9");
            fileByBody.put(new String(body, StandardCharsets.ISO_8859_1), file);
            client.send(REQUESTS, s -> {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(body);
                return m;
            });
        }
        client.send(REQUESTS, s -> s.createTextMessage(AmqpTriggerTest.download("amqp-after-hostile", "iot-amqp-h")));

        Map<String, JsonNode> reasonByFile = new HashMap<>();
        for (int i = 0; i < SENT.size(); i++) {
            Message dead = client.receive(DEAD, WAIT);
            assertThat(dead).as("dead letter %d of %d", i + 1, SENT.size()).isInstanceOf(BytesMessage.class);
            byte[] body = new byte[(int) ((BytesMessage) dead).getBodyLength()];
            ((BytesMessage) dead).readBytes(body);
            String file = fileByBody.get(new String(body, StandardCharsets.ISO_8859_1));
            assertThat(file).as("a dead letter carries the body as sent").isNotNull();
            reasonByFile.put(file, JSON.readTree(dead.getStringProperty(RequestMessages.REASON_PROPERTY)));
        }
        assertThat(reasonByFile).containsOnlyKeys(SENT);
        reasonByFile.forEach((file, reason) -> {
            assertThat(reason.path("state").asText()).isEqualTo("REJECTED");
            for (HostileCorpus.Expectation expected : corpus.expectations(file)) {
                assertThat(reason.path("errors")).as(file).anySatisfy(error -> {
                    assertThat(error.path("field").asText()).isEqualTo(expected.field());
                    assertThat(error.path("rule").asText()).contains(expected.ruleFragment());
                });
            }
        });
        await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId("amqp-after-hostile")
                .map(JobRecord::state).orElse(null) == JobState.DELIVERED);
        assertThat(bridge.ledger().findByRequestId("hostile-dl")).as("no job for a hostile message").isEmpty();
        assertThat(HostileCorpus.TRIPWIRE_TRIGGERED).hasValue(0);
    }
}
