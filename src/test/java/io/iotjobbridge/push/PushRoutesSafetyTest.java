package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.Vendor;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two mitigations of Camel 4.18's JMS advisories, on a broker anyone may write to: only allow-listed headers
 * enter the route, and a body is never deserialized.
 */
class PushRoutesSafetyTest {

    private static final String QUEUE = "events";
    private static final String ROUTE = PushRoutes.routeId(Vendor.HUAWEI, "open");
    private static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

    @TempDir
    Path workDir;

    private final List<PushedStatus> received = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> headersSeen = new CopyOnWriteArrayList<>();
    private OpenAmqpBroker broker;
    private CamelContext camel;
    private Connection sender;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        broker = OpenAmqpBroker.start(workDir, QUEUE);
        PushConnections connections = new PushConnections();
        camel = new DefaultCamelContext();
        camel.addRoutes(new PushRoutes(PushSubscriptions.of(Duration.ofMillis(200),
                new HuaweiPushSubscription("open", broker.url(), "any", Secret.of("any"), Optional.empty(), QUEUE)),
                connections, received::add, Clock.systemUTC()));
        AdviceWith.adviceWith(camel, ROUTE, route -> route.weaveById(ROUTE + "-deliver").before()
                .process(exchange -> headersSeen.add(new TreeMap<>(exchange.getMessage().getHeaders()))));
        camel.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.connected(Vendor.HUAWEI, "open"));
        sender = new JmsConnectionFactory(broker.url()).createConnection();
        session = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        camel.close();
        broker.close();
    }

    @Test
    void shouldLetOnlyAllowListedPropertiesBecomeHeaders() throws Exception {
        Message message = session.createTextMessage(event("task-1", "Success", "req-1"));
        message.setStringProperty("CamelFileName", "../../etc/cron.d/x");
        message.setStringProperty("camelExecCommandExecutable", "/bin/sh");
        message.setStringProperty("CAMELHTTPURI", "http://127.0.0.1:1/steal");
        message.setStringProperty("cAmElJmsDestinationName", "elsewhere");
        message.setStringProperty("Camel_DOT_Split", "x");
        message.setStringProperty("unrelated", "x");
        message.setStringProperty("MessageId", "m-1");
        message.setStringProperty("topic", "/batchtask");
        message.setLongProperty("generateTime", 1L);
        message.setJMSType("evil");
        message.setJMSCorrelationID("corr");
        message.setJMSReplyTo(session.createQueue("replies"));
        send(message);

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);

        assertThat(headersSeen).singleElement().satisfies(headers -> assertThat(headers.keySet())
                .containsExactlyInAnyOrder("MessageId", "topic", "generateTime"));
        assertThat(received.get(0).vendorJobId()).isEqualTo("task-1");
        // the JMSReplyTo was not answered
        assertThat(broker.messageCount("replies")).isZero();
    }

    @Test
    void shouldRejectAnObjectMessageUnreadAndGoOnWithTheNext() throws Exception {
        send(session.createObjectMessage(new Tripwire()));
        send(session.createTextMessage(event("task-2", "Fail", "req-2")));

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1
                && broker.messageCount(OpenAmqpBroker.DLQ) == 1 && broker.messageCount(QUEUE) == 0);

        assertThat(received.get(0).vendorJobId()).isEqualTo("task-2");
        assertThat(DESERIALIZED).isFalse();
    }

    @Test
    void shouldRejectAMapMessage() throws Exception {
        send(session.createMapMessage());
        send(session.createTextMessage(event("task-3", "Processing", "req-3")));

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1
                && broker.messageCount(OpenAmqpBroker.DLQ) == 1 && broker.messageCount(QUEUE) == 0);
    }

    @Test
    void shouldAcknowledgeAMessageItCannotReadWithoutDeadLetteringIt() throws Exception {
        send(session.createTextMessage("not json at all"));
        send(session.createBytesMessage());
        send(session.createTextMessage(event("task-4", "Success", "req-4")));

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1 && broker.messageCount(QUEUE) == 0);

        assertThat(broker.messageCount(OpenAmqpBroker.DLQ)).isZero();
        assertThat(received.get(0).vendorJobId()).isEqualTo("task-4");
    }

    @Test
    void shouldDeliverAMessageSentTwiceOnce() throws Exception {
        send(session.createTextMessage(event("task-5", "Success", "req-5")));
        send(session.createTextMessage(event("task-5", "Success", "req-5")));
        send(session.createTextMessage(event("task-6", "Success", "req-6")));

        await().atMost(Duration.ofSeconds(15)).until(() -> broker.messageCount(QUEUE) == 0 && received.size() >= 2);

        assertThat(received).extracting(PushedStatus::messageId).containsExactly("req-5", "req-6");
    }

    private void send(Message message) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(QUEUE))) {
            producer.send(message);
        }
    }

    private static String event(String taskId, String status, String requestId) {
        return "{\"resource\":\"batchtask\",\"event\":\"update\",\"request_id\":\"" + requestId
                + "\",\"notify_data\":{\"body\":{\"task_id\":\"" + taskId + "\",\"status\":\"" + status + "\"}}}";
    }

    /** Would record that someone deserialized it. */
    static final class Tripwire implements Serializable {

        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            DESERIALIZED.set(true);
            in.defaultReadObject();
        }
    }
}
