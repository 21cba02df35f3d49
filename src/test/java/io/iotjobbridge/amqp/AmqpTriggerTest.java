package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AMQP request trigger through the real application, driven by a plain AMQP 1.0 client. */
class AmqpTriggerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUESTS = "iot.jobs.requests";
    private static final String EVENTS = "iot.jobs.events";
    private static final String DEAD = "iot.jobs.requests.dead";
    private static final String REPLIES = "test.replies";

    @TempDir
    Path dataDir;

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

    @Test
    void shouldDeliverARequestMessagePublishEveryTransitionAndReplyWithTheFinalStatus() throws Exception {
        String messageId = client.send(REQUESTS, s -> {
            TextMessage m = s.createTextMessage(download("amqp-1", "iot-amqp-1"));
            m.setJMSReplyTo(s.createQueue(REPLIES));
            m.setJMSCorrelationID("workflow-42");
            return m;
        });

        await().atMost(WAIT).until(() -> state("amqp-1") == JobState.DELIVERED);
        JobRecord job = bridge.job("amqp-1");
        Message reply = client.receive(REPLIES, WAIT);
        assertThat(reply).isNotNull();
        assertThat(reply.getJMSCorrelationID()).isEqualTo("workflow-42");
        JsonNode replied = JSON.readTree(((TextMessage) reply).getText());
        assertThat(replied.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(replied.path("final").asBoolean()).isTrue();
        assertThat(replied.path("jobId").asText()).isEqualTo(job.id());
        assertThat(replied.path("files")).hasSize(1);
        assertThat(replied.path("files").get(0).path("sha256").asText())
                .isEqualTo(bridge.ledger().files(job.id()).get(0).sha256());
        assertThat(messageId).isNotBlank();

        List<JsonNode> events = eventsOf(job.id(), "DELIVERED");
        assertThat(events).extracting(e -> e.path("state").asText())
                .containsExactlyElementsOf(bridge.ledger().history(job.id()).stream()
                        .map(t -> t.state().name()).toList());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("requestId").asText()).isEqualTo("amqp-1");
            assertThat(e.path("vendor").asText()).isEqualTo("aliyun");
            assertThat(e.path("operation").asText()).isEqualTo("CreateDownloadDataJob");
        });
        assertThat(events.get(events.size() - 1).path("vendorJobId").asText()).isEqualTo(job.vendorJobId());
        assertThat(events).extracting(e -> e.path("final").asBoolean()).containsOnlyOnce(true).last().isEqualTo(true);
        JsonNode statusFile = JSON.readTree(bridge.outbox().resolve(".status").resolve(job.id() + ".json").toFile());
        assertThat(statusFile.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(client.receive(REPLIES, Duration.ofMillis(300))).as("one reply only").isNull();
    }

    @Guarantee(id = "S4", injection = "request message with CamelFileName, camelfilename, cAmElHttpUri, CamelHttpUri, CamelJmsDestinationName properties",
            expected = "no property becomes a header; file named by the template; decoy gets 0 requests")
    @Test
    void shouldIgnoreCamelHeadersAPublisherSetsInAnyLetterCase() throws Exception {
        AtomicInteger decoyHits = new AtomicInteger();
        HttpServer decoy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        decoy.createContext("/", exchange -> {
            decoyHits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        decoy.start();
        List<String> headersSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        AdviceWith.adviceWith(bridge.context(), "amqp-request", route -> route.weaveById("amqp-request-intake")
                .before().process(e -> headersSeen.addAll(e.getMessage().getHeaders().keySet())));
        try {
            String decoyUrl = "http://127.0.0.1:" + decoy.getAddress().getPort() + "/steal";
            client.send(REQUESTS, s -> {
                TextMessage m = s.createTextMessage(download("amqp-headers", "iot-amqp-2"));
                m.setStringProperty("CamelFileName", "../../escaped.csv");
                m.setStringProperty("camelfilename", "../../escaped-lower.csv");
                m.setStringProperty("cAmElHttpUri", decoyUrl);
                m.setStringProperty("CamelHttpUri", decoyUrl);
                m.setStringProperty("CamelJmsDestinationName", DEAD);
                return m;
            });

            await().atMost(WAIT).until(() -> state("amqp-headers") == JobState.DELIVERED);
            JobRecord job = bridge.job("amqp-headers");
            assertThat(bridge.ledger().files(job.id()).get(0).name()).endsWith("amqp-headers-fileName01.csv");
            assertThat(decoyHits).hasValue(0);
            assertThat(headersSeen).as("no property the publisher set became a header").isNotEmpty()
                    .noneMatch(h -> List.of("camelfilename", "camelhttpuri", "cameljmsdestinationname")
                            .contains(h.toLowerCase(java.util.Locale.ROOT)));
            try (Stream<Path> all = Files.walk(dataDir.getParent())) {
                assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("escaped"));
            }
            assertThat(client.receive(DEAD, Duration.ofMillis(300))).isNull();
        } finally {
            decoy.stop(0);
        }
    }

    @Guarantee(id = "R12", injection = "an invalid request message with a reply-to",
            expected = "moved unchanged to the dead-letter address with the reason; REJECTED reply; no job")
    @Test
    void shouldDeadLetterAnInvalidRequestWithItsReasonAndReplyRejected() throws Exception {
        String invalid = download("amqp-invalid", "iot-amqp-3").replace("\"TABLE\"", "\"TABEL\"");
        client.send(REQUESTS, s -> {
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(invalid.getBytes(StandardCharsets.UTF_8));
            m.setJMSReplyTo(s.createQueue(REPLIES));
            m.setStringProperty("CamelFileName", "x");
            return m;
        });

        Message dead = client.receive(DEAD, WAIT);
        assertThat(dead).isInstanceOf(BytesMessage.class);
        byte[] body = new byte[(int) ((BytesMessage) dead).getBodyLength()];
        ((BytesMessage) dead).readBytes(body);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(invalid);
        assertThat(dead.propertyExists("CamelFileName")).isFalse();
        JsonNode reason = JSON.readTree(dead.getStringProperty(RequestMessages.REASON_PROPERTY));
        assertThat(reason.path("state").asText()).isEqualTo("REJECTED");
        assertThat(reason.path("errors").get(0).path("field").asText()).isEqualTo("params.DownloadDataType");
        Message reply = client.receive(REPLIES, WAIT);
        assertThat(JSON.readTree(((TextMessage) reply).getText()).path("state").asText()).isEqualTo("REJECTED");
        assertThat(bridge.ledger().findByRequestId("amqp-invalid")).isEmpty();
    }

    @Guarantee(id = "S7", injection = "a Java-serialized ObjectMessage, then a valid request",
            expected = "dead-lettered without deserializing; the next request is delivered")
    @Test
    void shouldDeadLetterAnObjectMessageWithoutReadingIt() throws Exception {
        Tripwire.READS.set(0);
        client.send(REQUESTS, s -> s.createObjectMessage(new Tripwire()));
        String yaml = download("amqp-after-object", "iot-amqp-4");
        client.send(REQUESTS, s -> s.createTextMessage(yaml));

        Message dead = client.receive(DEAD, WAIT);
        assertThat(dead).isInstanceOf(ObjectMessage.class);
        assertThat(dead.getStringProperty(RequestMessages.REASON_PROPERTY)).contains("ObjectMessage");
        await().atMost(WAIT).until(() -> state("amqp-after-object") == JobState.DELIVERED);
        assertThat(Tripwire.READS).as("the object was never deserialized").hasValue(0);
    }

    @Test
    void shouldAnswerARepeatedRequestWhoseJobHasFinishedAtOnce() throws Exception {
        String request = download("amqp-repeat", "iot-amqp-5");
        client.send(REQUESTS, s -> s.createTextMessage(request));
        await().atMost(WAIT).until(() -> state("amqp-repeat") == JobState.DELIVERED);

        client.send(REQUESTS, s -> {
            TextMessage m = s.createTextMessage(request);
            m.setJMSReplyTo(s.createQueue(REPLIES));
            m.setJMSCorrelationID("again");
            return m;
        });

        Message reply = client.receive(REPLIES, WAIT);
        assertThat(reply.getJMSCorrelationID()).isEqualTo("again");
        assertThat(JSON.readTree(((TextMessage) reply).getText()).path("state").asText()).isEqualTo("DELIVERED");
        assertThat(bridge.ledger().history(bridge.job("amqp-repeat").id())).filteredOn(t -> t.state() ==
                JobState.RECEIVED).hasSize(1);
    }

    private JobState state(String requestId) {
        return bridge.ledger().findByRequestId(requestId).map(JobRecord::state).orElse(null);
    }

    /** The events of one job, read from the events queue until its {@code lastState} event has come. */
    private List<JsonNode> eventsOf(String jobId, String lastState) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            Message m = client.receive(EVENTS, Duration.ofMillis(200));
            if (m != null) {
                JsonNode event = JSON.readTree(((TextMessage) m).getText());
                if (jobId.equals(event.path("jobId").asText())) {
                    events.add(event);
                }
            }
            return !events.isEmpty() && lastState.equals(events.get(events.size() - 1).path("state").asText());
        });
        return events;
    }

    static String download(String id, String instance) {
        return """
                {"id": "%s", "vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"IotInstanceId": "%s", "TableName": "product_info", "DownloadDataType": "TABLE",
                            "StartTime": 1658332800000, "EndTime": 1658406464534,
                            "FileConfig": {"fileName": "fileName01"}}}
                """.formatted(id, instance);
    }

    /** Counts its own deserializations: an ObjectMessage carrying it must never be opened. */
    static final class Tripwire implements Serializable {
        static final AtomicInteger READS = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            READS.incrementAndGet();
            in.defaultReadObject();
        }
    }
}
