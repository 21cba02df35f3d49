package io.iotjobbridge.sandbox.push;

import static io.iotjobbridge.sandbox.push.SandboxPushLoginTest.aliyunPassword;
import static io.iotjobbridge.sandbox.push.SandboxPushLoginTest.huaweiUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxJobs;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.SandboxBatchTasks;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the sandbox pushes when its jobs change status, and to whom. */
class SandboxPushSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-20T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<Connection> connections = new ArrayList<>();
    private VendorSandbox sandbox;

    @AfterEach
    void close() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
        sandbox.close();
    }

    @Test
    void shouldPushTheFinalStatusOfADownloadJobToTheDopConsumerGroupOnly() throws Exception {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withPushEnabled(true), clock);
        MessageConsumer dop = aliyunConsumer("dop_aliyun_group_name");
        MessageConsumer otherGroup = aliyunConsumer("some_other_group");
        MessageConsumer huawei = huaweiConsumer();

        String jobId = SandboxJobs.createDownloadJob(sandbox, clock, "");
        clock.advance(Duration.ofSeconds(3));

        Message message = dop.receive(10_000);
        assertThat(message).isInstanceOf(BytesMessage.class);
        assertThat(message.getStringProperty("topic")).isEqualTo("/sys/dop/downloadDataJob/status");
        assertThat(message.getStringProperty("messageId")).matches("\\d{19}");
        assertThat(message.getLongProperty("generateTime")).isEqualTo(clock.instant().toEpochMilli());
        JsonNode body = JSON.readTree(bodyOf((BytesMessage) message));
        assertThat(body.path("jobId").asText()).isEqualTo(jobId);
        assertThat(body.path("status").asInt()).isEqualTo(1);
        message.acknowledge();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.pushBroker().orElseThrow().pending("default") == 0);
        assertThat(otherGroup.receiveNoWait()).isNull();
        assertThat(huawei.receiveNoWait()).isNull();
        assertThat(sandbox.stats().pushedOf("aliyun.dop")).isEqualTo(1);
    }

    @Test
    void shouldPushEveryStatusItSeesChangeAndSendEachTwiceWhenAskedTo() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().withPushEnabled(true);
        sandbox = VendorSandbox.start(settings.withPush(settings.push().withDuplicates(true)), clock);
        MessageConsumer dop = aliyunConsumer("dop_aliyun_group_name");

        SandboxJobs.createDownloadJob(sandbox, clock, "");
        // -1 for 500 ms, 3 for 500 ms, 0 for 1500 ms, then 1; each status is held until the sandbox has pushed it
        for (long[] step : new long[][] {{600, 2}, {1_200, 4}, {3_200, 6}}) {
            clock.set(NOW.plusMillis(step[0]));
            await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.stats().pushedOf("aliyun.dop") == step[1]);
        }

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Message message = dop.receive(10_000);
            seen.add(message.getStringProperty("messageId") + " "
                    + JSON.readTree(bodyOf((BytesMessage) message)).path("status").asInt());
            message.acknowledge();
        }
        Collections.sort(seen);
        assertThat(seen).extracting(s -> s.split(" ")[1]).containsExactlyInAnyOrder("3", "3", "0", "0", "1", "1");
        // each pair is one message sent twice: same id
        assertThat(seen.stream().map(s -> s.split(" ")[0]).distinct()).hasSize(3);
    }

    @Test
    void shouldPushABatchTaskStatusChangeToTheHuaweiAccessKeyOnly() throws Exception {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withPushEnabled(true), clock);
        MessageConsumer huawei = huaweiConsumer();
        MessageConsumer dop = aliyunConsumer("dop_aliyun_group_name");

        String taskId = SandboxBatchTasks.createBatchTask(sandbox, clock);
        clock.advance(Duration.ofSeconds(4));

        // the scope's seeded tasks that were still running finish too; find this task's event among theirs
        JsonNode event = null;
        while (event == null) {
            Message message = huawei.receive(10_000);
            assertThat(message).as("an event for " + taskId).isNotNull();
            JsonNode candidate = JSON.readTree(bodyOf((BytesMessage) message));
            message.acknowledge();
            if (candidate.path("notify_data").path("body").path("task_id").asText().equals(taskId)) {
                event = candidate;
            }
        }
        assertThat(event.path("resource").asText()).isEqualTo("batchtask");
        assertThat(event.path("event").asText()).isEqualTo("update");
        assertThat(event.path("event_time").asText()).isEqualTo("20240520T080004Z");
        assertThat(event.path("request_id").asText()).isNotBlank();
        JsonNode task = event.path("notify_data").path("body");
        assertThat(task.path("task_type").asText()).isEqualTo("createCommands");
        assertThat(task.path("status").asText()).isIn("Success", "PartialSuccess", "Fail");
        assertThat(dop.receiveNoWait()).isNull();
        assertThat(sandbox.stats().pushedOf("huawei.batchtask")).isPositive();
    }

    @Test
    void shouldPushNothingWhenPushIsOff() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults(), clock);

        assertThat(sandbox.pushUrl()).isEmpty();
        assertThat(sandbox.pushBroker()).isEmpty();
    }

    private MessageConsumer aliyunConsumer(String group) throws Exception {
        long ms = clock.instant().toEpochMilli();
        String user = "test|iotInstanceId=,authMode=aksign,signMethod=hmacsha1,consumerGroupId=" + group
                + ",authId=" + SandboxSettings.DEFAULT_ACCESS_KEY_ID + ",timestamp=" + ms + "|";
        return consumer(user, aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms), "default");
    }

    private MessageConsumer huaweiConsumer() throws Exception {
        return consumer(huaweiUser(clock.instant().toEpochMilli()), PushSettings.DEFAULT_HUAWEI_ACCESS_CODE,
                "default");
    }

    private MessageConsumer consumer(String user, String password, String queue) throws JMSException {
        Connection connection = new JmsConnectionFactory(sandbox.pushUrl().orElseThrow())
                .createConnection(user, password);
        connections.add(connection);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        return session.createConsumer(session.createQueue(queue));
    }

    private static String bodyOf(BytesMessage message) throws JMSException {
        byte[] body = new byte[(int) message.getBodyLength()];
        message.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
