package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.destination.SftpServer;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.ops.ApiClient;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.testing.SecretScan;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full run with faults, every logger at TRACE: no secret the bridge was given shows up anywhere it writes. */
class SecretScanTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    // sentinels: values found nowhere else, so any occurrence is a leak
    private static final String SANDBOX_SECRET = "SntlAkSecret5e1c0a9b";
    private static final String WRONG_ALIYUN_SECRET = "SntlWrongAkSecret7d20f3";
    private static final String HUAWEI_SK = "SntlHuaweiSk4b8e61c2";
    private static final String ACCESS_CODE = "SntlAccessCode93fa07";
    private static final String WRONG_ACCESS_CODE = "SntlWrongCode2c6d58";
    private static final String AMQP_PASSWORD = "SntlAmqpPass6a1f4e";
    private static final String WRONG_AMQP_PASSWORD = "SntlWrongAmqp0b7c92";
    private static final String SFTP_PASSWORD = "SntlSftpPass8e3d17";
    private static final String WRONG_SFTP_PASSWORD = "SntlWrongSftp5f92ab";
    private static final String API_TOKEN = "SntlApiToken3e8a51c7d2";
    private static final String WRONG_API_TOKEN = "SntlWrongApiToken6b04f9";
    private static final List<String> SENTINELS = List.of(SANDBOX_SECRET, WRONG_ALIYUN_SECRET, HUAWEI_SK,
            ACCESS_CODE, WRONG_ACCESS_CODE, AMQP_PASSWORD, WRONG_AMQP_PASSWORD, SFTP_PASSWORD, WRONG_SFTP_PASSWORD,
            API_TOKEN, WRONG_API_TOKEN);
    private static final String FAILING_TASK = "01fc671f0000000000000071";
    private static final String AMQP_USER = "bridge";

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanups = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).close();
        }
    }

    @Test
    @Guarantee(id = "S5", injection = "sentinel AccessKeySecret, SK, access codes, AMQP and SFTP passwords; signed"
            + " URLs; every logger at TRACE; failing table and export, wrong secret, throttling, refused SFTP and"
            + " AMQP logins, an invalid request and a dead letter; a status API token, right and wrong",
            expected = "0 sentinels in log lines, stack traces, data files, ledger reasons, events, dead letters,"
                    + " status API answers, health and metrics")
    void shouldShowNoSecretInAnyLogLineFileEventOrLedgerReason() throws Exception {
        VendorSandbox otherVendor = otherVendor();
        List<VendorSandbox> sandboxes = new ArrayList<>(List.of(otherVendor));
        SecretScan scan = SecretScan.start(SENTINELS, () -> signaturesOf(sandboxes));
        cleanups.add(scan);
        SftpServer sftp = SftpServer.start(dir.resolve("sftp"), dir, SFTP_PASSWORD);
        cleanups.add(sftp);
        RunningBridge bridge = RunningBridge.start(dir.resolve("data"), settings(otherVendor, sftp));
        cleanups.add(bridge);
        sandboxes.add(bridge.sandbox());

        bridge.drop("ok.json", aliyunDownload("ok", "default", "default", "product_info"));
        bridge.drop("failing-table.json", aliyunDownload("failing-table", "default", "default", "broken_table"));
        bridge.drop("to-sftp.json", aliyunDownload("to-sftp", "default", "partner", "product_info"));
        bridge.drop("sftp-refused.json", aliyunDownload("sftp-refused", "default", "locked", "product_info"));
        bridge.drop("wrong-secret.json", aliyunDownload("wrong-secret", "other", "default", "product_info"));
        bridge.drop("device-job.json", deviceJob());
        bridge.drop("export.json", huaweiExport("export", "default"));
        bridge.drop("failing-export.json", huaweiExport("failing-export", "other"));
        bridge.drop("invalid.json", aliyunDownload("invalid", "default", "default", "product_info")
                .replace("\"TABLE\"", "\"EVERYTHING\""));
        try (AmqpLogin amqp = new AmqpLogin(bridge, AMQP_USER, AMQP_PASSWORD)) {
            amqp.send("iot.jobs.requests", aliyunDownload("via-amqp", "default", "default", "product_info"));
            amqp.send("iot.jobs.requests", "{\"vendor\": ");
        }
        assertThatThrownBy(() -> new AmqpLogin(bridge, AMQP_USER, WRONG_AMQP_PASSWORD))
                .as("the embedded broker refuses a wrong password").isInstanceOf(JMSSecurityException.class);

        Map<String, JobState> expected = Map.of("ok", JobState.DELIVERED, "failing-table", JobState.FAILED,
                "to-sftp", JobState.DELIVERED, "sftp-refused", JobState.FAILED, "wrong-secret", JobState.FAILED,
                "device-job", JobState.DELIVERED, "export", JobState.DELIVERED, "failing-export", JobState.FAILED,
                "via-amqp", JobState.DELIVERED);
        await().atMost(WAIT).untilAsserted(() -> expected.forEach((requestId, state) ->
                assertThat(bridge.ledger().findByRequestId(requestId)).as(requestId)
                        .hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(state))));
        Path rejection = bridge.inbox().resolve(".error/invalid.json.error.json");
        await().atMost(WAIT).until(() -> Files.exists(rejection));
        // the faults really happened: a refused signature, a refused push login, a throttled call
        await().atMost(WAIT).until(() -> otherVendor.stats().rejectionsOf("SignatureDoesNotMatch") > 0);
        await().atMost(WAIT).until(() -> otherVendor.stats().rejections().keySet().stream()
                .anyMatch(code -> code.startsWith("AMQP.huawei.")));
        assertThat(bridge.sandbox().stats().rejectionsOf("Throttling.User")).as("throttled calls").isPositive();

        try (AmqpLogin amqp = new AmqpLogin(bridge, AMQP_USER, AMQP_PASSWORD)) {
            List<String> deadLetters = amqp.drain("iot.jobs.requests.dead");
            assertThat(deadLetters).as("the unreadable request was dead-lettered").isNotEmpty();
            deadLetters.forEach(text -> scan.check("dead letter", text));
            amqp.drain("iot.jobs.events").forEach(text -> scan.check("status event", text));
        }
        ApiClient api = new ApiClient(bridge.httpUrl(), API_TOKEN);
        assertThat(new ApiClient(bridge.httpUrl(), WRONG_API_TOKEN).get("/api/jobs").status()).isEqualTo(401);
        for (String path : List.of("/api/jobs", "/api/overview", "/observe/health/ready", "/observe/metrics")) {
            scan.check("answer of " + path, api.get(path).body().toString());
        }
        for (String requestId : expected.keySet()) {
            JobRecord job = bridge.job(requestId);
            scan.check("status API answer for " + requestId, api.get("/api/jobs/" + requestId).body().toString());
            scan.check("ledger reason of " + requestId, job.reason());
            for (JobTransition transition : bridge.ledger().history(job.id())) {
                scan.check("ledger history of " + requestId, transition.detail());
            }
        }
        int files = scan.checkTextFiles(dir);

        assertThat(signaturesOf(sandboxes)).as("signed download links handed out").isNotEmpty();
        assertThat(scan.traceEvents()).as("TRACE events seen").isPositive();
        assertThat(files).as("text files scanned (error files, status events, manifests, deliveries)")
                .isGreaterThan(5);
        assertThat(scan.hits()).as("places a secret showed up").isEmpty();
    }

    /** A second vendor standing in for a real account: Huawei with its own SK, failing the exported task. */
    private static VendorSandbox otherVendor() {
        SandboxSettings defaults = SandboxSettings.defaults();
        SandboxSettings settings = defaults.withCredential("other-ak", Secret.of(HUAWEI_SK))
                .withPush(defaults.push().withEnabled(true).withHuaweiOwner("other-ak"))
                .withHuawei(defaults.huawei().withFailingBatchTasks(Set.of(FAILING_TASK))
                        .withExportRunningFor(Duration.ofMillis(300)).withDownloadInterval(Duration.ZERO));
        return VendorSandbox.start(settings, Clock.systemUTC());
    }

    private Map<String, String> settings(VendorSandbox other, SftpServer sftp) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bridge.sandbox.access-key-secret", SANDBOX_SECRET);
        settings.put("bridge.sandbox.push.huawei.access-code", ACCESS_CODE);
        settings.put("bridge.sandbox.aliyun.failing-tables", "broken_table");
        settings.put("bridge.sandbox.aliyun.daily-job-limit", "20");
        settings.put("bridge.sandbox.aliyun.job-running-ms", "500");
        settings.put("bridge.sandbox.aliyun.fleet-size", "20");
        settings.put("bridge.sandbox.aliyun.qps.QueryJob", "1");
        settings.put("bridge.sandbox.huawei.export-running-ms", "300");
        settings.put("bridge.sandbox.huawei.download-interval-ms", "0");
        settings.put("bridge.amqp.user", AMQP_USER);
        settings.put("bridge.amqp.password", AMQP_PASSWORD);
        settings.put("bridge.engine.max-attempts", "2");
        settings.put("bridge.http.token", API_TOKEN);
        settings.put("bridge.destinations.partner.uri", sftp.endpointUri("upload"));
        settings.put("bridge.destinations.locked.uri", sftp.endpointUri("upload", WRONG_SFTP_PASSWORD));
        String endpoint = other.baseUrl().toString();
        settings.put("bridge.accounts.other.aliyun.endpoint", endpoint);
        settings.put("bridge.accounts.other.aliyun.access-key-id", "other-ak");
        settings.put("bridge.accounts.other.aliyun.access-key-secret", WRONG_ALIYUN_SECRET);
        settings.put("bridge.accounts.other.huawei.endpoint", endpoint);
        settings.put("bridge.accounts.other.huawei.access-key-id", "other-ak");
        settings.put("bridge.accounts.other.huawei.secret-access-key", HUAWEI_SK);
        settings.put("bridge.accounts.other.huawei.project-id", "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f");
        settings.put("bridge.accounts.other.huawei.export-download-interval-ms", "0");
        settings.put("bridge.accounts.other.huawei.push.url", other.pushUrl().orElseThrow().toString());
        settings.put("bridge.accounts.other.huawei.push.access-key", "sandbox-amqp-key");
        settings.put("bridge.accounts.other.huawei.push.access-code", WRONG_ACCESS_CODE);
        return settings;
    }

    private static Collection<String> signaturesOf(List<VendorSandbox> sandboxes) {
        return sandboxes.stream().flatMap(sandbox -> sandbox.recentLinkSignatures().stream()).toList();
    }

    private static String aliyunDownload(String id, String account, String destination, String table)
            throws Exception {
        return Files.readString(Path.of("samples/requests/aliyun-download-product-info.json"))
                .replace("product-info-2022-07-20", id)
                .replace("\"account\": \"default\"", "\"account\": \"" + account + "\"")
                .replace("\"destination\": \"default\"", "\"destination\": \"" + destination + "\"")
                .replace("\"product_info\"", "\"" + table + "\"");
    }

    private static String deviceJob() throws Exception {
        return Files.readString(Path.of("samples/requests/aliyun-create-job.json"))
                .replace("reboot-light-fleet-2025-03", "device-job");
    }

    private static String huaweiExport(String id, String account) throws Exception {
        return Files.readString(Path.of("samples/requests/huawei-export-batch-task.json"))
                .replace("huawei-export-fw-upgrade-watermeter", id)
                .replace("\"account\": \"default\"", "\"account\": \"" + account + "\"");
    }

    /** A client of the bridge's embedded broker, logged in with the given password. */
    private static final class AmqpLogin implements AutoCloseable {

        private final Connection connection;
        private final Session session;

        AmqpLogin(RunningBridge bridge, String user, String password) throws JMSException {
            connection = new JmsConnectionFactory(bridge.brokerUrl().toString()).createConnection(user, password);
            connection.start();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        }

        void send(String queue, String body) throws JMSException {
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(body));
        }

        /** Each message's body and properties as text, until none comes for a second. */
        List<String> drain(String queue) throws JMSException {
            List<String> texts = new ArrayList<>();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                for (Message m = consumer.receive(1000); m != null; m = consumer.receive(1000)) {
                    StringBuilder text = new StringBuilder(m instanceof TextMessage t ? t.getText() : "");
                    for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
                        String name = (String) names.nextElement();
                        text.append('\n').append(name).append('=').append(m.getObjectProperty(name));
                    }
                    texts.add(text.toString());
                }
            }
            return texts;
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }
}
