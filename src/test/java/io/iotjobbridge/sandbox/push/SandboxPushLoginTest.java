package io.iotjobbridge.sandbox.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's AMQP endpoint lets in exactly the logins the vendors would, and only to receive from its queue. */
class SandboxPushLoginTest {

    private static final Instant NOW = Instant.parse("2024-05-20T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private VendorSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withPushEnabled(true), clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldAcceptACorrectlySignedAliyunLoginAndLetItReceiveFromDefault() throws Exception {
        long ms = NOW.toEpochMilli();
        try (Connection connection = connect(aliyunUser("bridge-1", "hmacsha1", ms),
                aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms))) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThat(session.createConsumer(session.createQueue("default"))).isNotNull();
        }
        assertThat(sandbox.stats().rejections()).isEmpty();
    }

    @Test
    void shouldAcceptEveryDocumentedSignMethod() throws Exception {
        long ms = NOW.toEpochMilli();
        try (Connection md5 = connect(aliyunUser("c", "hmacmd5", ms),
                aliyunPassword("HmacMD5", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms));
             Connection sha256 = connect(aliyunUser("c", "hmacsha256", ms),
                     aliyunPassword("HmacSHA256", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms))) {
            assertThat(md5).isNotNull();
            assertThat(sha256).isNotNull();
        }
    }

    @Test
    void shouldRefuseAnAliyunLoginSignedWithTheWrongSecret() {
        long ms = NOW.toEpochMilli();
        assertThatThrownBy(() -> connect(aliyunUser("c", "hmacsha1", ms), aliyunPassword("HmacSHA1", "wrong", ms)))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.aliyun.SignatureMismatch")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAliyunLoginWithAStaleTimestampEvenWhenSignedCorrectly() {
        long stale = NOW.minus(Duration.ofMinutes(6)).toEpochMilli();
        assertThatThrownBy(() -> connect(aliyunUser("c", "hmacsha1", stale),
                aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, stale)))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.aliyun.TimestampExpired")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAliyunLoginWhoseSignatureCoversAnotherTimestamp() {
        long ms = NOW.toEpochMilli();
        assertThatThrownBy(() -> connect(aliyunUser("c", "hmacsha1", ms),
                aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms - 1)))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void shouldRefuseAnUnknownAliyunAccessKey() {
        long ms = NOW.toEpochMilli();
        String user = "c|iotInstanceId=,authMode=aksign,signMethod=hmacsha1,consumerGroupId=g,authId=other-ak,"
                + "timestamp=" + ms + "|";
        assertThatThrownBy(() -> connect(user, aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET,
                ms).replace("authId=" + SandboxSettings.DEFAULT_ACCESS_KEY_ID, "authId=other-ak")))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.aliyun.InvalidAuthId")).isEqualTo(1);
    }

    @Test
    void shouldAcceptTheHuaweiAccessKeyWithItsAccessCode() throws Exception {
        try (Connection connection = connect(huaweiUser(NOW.toEpochMilli()),
                PushSettings.DEFAULT_HUAWEI_ACCESS_CODE)) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThat(session.createConsumer(session.createQueue("default"))).isNotNull();
        }
    }

    @Test
    void shouldRefuseAWrongHuaweiAccessCode() {
        assertThatThrownBy(() -> connect(huaweiUser(NOW.toEpochMilli()), "not-the-code"))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.huawei.AccessCodeMismatch")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAHuaweiLoginMoreThanFiveMinutesOff() {
        long late = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).toEpochMilli();
        assertThatThrownBy(() -> connect(huaweiUser(late), PushSettings.DEFAULT_HUAWEI_ACCESS_CODE))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.huawei.TimestampExpired")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAUserNameOfNeitherVendor() {
        assertThatThrownBy(() -> connect("admin", "admin")).isInstanceOf(JMSSecurityException.class);
        assertThat(sandbox.stats().rejectionsOf("AMQP.InvalidUserName")).isEqualTo(1);
    }

    @Test
    void shouldLetASubscriberNeitherSendNorReadAnotherQueue() throws Exception {
        long ms = NOW.toEpochMilli();
        try (Connection connection = connect(aliyunUser("c", "hmacsha1", ms),
                aliyunPassword("HmacSHA1", SandboxSettings.DEFAULT_ACCESS_KEY_SECRET, ms))) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("default"))
                    .send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("someone-else")))
                    .isInstanceOf(JMSException.class);
        }
    }

    private Connection connect(String user, String password) throws JMSException {
        return new JmsConnectionFactory(sandbox.pushUrl().orElseThrow()).createConnection(user, password);
    }

    static String aliyunUser(String clientId, String signMethod, long ms) {
        return clientId + "|iotInstanceId=,authMode=aksign,signMethod=" + signMethod
                + ",consumerGroupId=dop_aliyun_group_name,authId=" + SandboxSettings.DEFAULT_ACCESS_KEY_ID
                + ",timestamp=" + ms + "|";
    }

    /** Computed here, apart from both the bridge's signer and the sandbox's check. */
    static String aliyunPassword(String mac, String secret, long ms) throws Exception {
        Mac hmac = Mac.getInstance(mac);
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
        byte[] signature = hmac.doFinal(("authId=" + SandboxSettings.DEFAULT_ACCESS_KEY_ID + "&timestamp=" + ms)
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature);
    }

    static String huaweiUser(long ms) {
        return "accessKey=" + PushSettings.DEFAULT_HUAWEI_ACCESS_KEY + "|timestamp=" + ms;
    }
}
