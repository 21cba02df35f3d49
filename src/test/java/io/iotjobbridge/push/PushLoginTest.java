package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import io.iotjobbridge.config.Secret;
import org.junit.jupiter.api.Test;

/** The logins the bridge computes, against values worked out apart from this code. */
class PushLoginTest {

    private static final Instant AT = Instant.ofEpochMilli(1_716_192_000_000L);
    private static final URI URL = URI.create("amqps://iot-06z00example.amqp.iothub.aliyuncs.com:5671");

    @Test
    void shouldSignTheAliyunLoginWithHmacSha1OverAuthIdAndTimestamp() {
        AliyunPushSubscription subscription = new AliyunPushSubscription("default", URL, "bridge-1",
                "dop_aliyun_group_name", "iot-06z00example", "default", "LTAI5tExampleAccessKey",
                Secret.of("S3cr3tKey0123456789abcdefghijk"));

        AmqpLogin login = subscription.loginAt(AT);

        assertThat(login.userName()).isEqualTo("bridge-1|iotInstanceId=iot-06z00example,authMode=aksign,"
                + "signMethod=hmacsha1,consumerGroupId=dop_aliyun_group_name,authId=LTAI5tExampleAccessKey,"
                + "timestamp=1716192000000|");
        // Base64(HMAC-SHA1(secret, "authId=LTAI5tExampleAccessKey&timestamp=1716192000000")), by Python's hmac
        assertThat(login.password().reveal()).isEqualTo("ULCqOYJ4nkc9tDqMlrJceVMtxRs=");
    }

    @Test
    void shouldSignAnewForEveryAttempt() {
        AliyunPushSubscription subscription = new AliyunPushSubscription("default", URL, "bridge-1",
                "dop_aliyun_group_name", "", "default", "ak", Secret.of("secret"));

        assertThat(subscription.loginAt(AT).password().reveal())
                .isNotEqualTo(subscription.loginAt(AT.plusMillis(1)).password().reveal());
    }

    @Test
    void shouldRefuseAClientIdTheVendorWouldNot() {
        assertThatIllegalStateException().isThrownBy(() -> new AliyunPushSubscription("acct", URL, "x".repeat(65),
                        "g", "", "default", "ak", Secret.of("s")))
                .withMessageContaining("bridge.accounts.acct.aliyun.push.client-id");
        assertThatIllegalStateException().isThrownBy(() -> new AliyunPushSubscription("acct", URL, "a|b",
                "g", "", "default", "ak", Secret.of("s")));
    }

    @Test
    void shouldRefuseAQueueNameThatCouldBendTheEndpointUri() {
        assertThatIllegalStateException().isThrownBy(() -> new HuaweiPushSubscription("acct", URL, "k",
                        Secret.of("c"), Optional.empty(), "q?concurrentConsumers=50"))
                .withMessageContaining("bridge.accounts.acct.huawei.push.queue");
    }

    @Test
    void shouldLogInToHuaweiWithTheAccessCodeAsItIs() {
        HuaweiPushSubscription subscription = new HuaweiPushSubscription("default", URL, "hw-key",
                Secret.of("the-code"), Optional.of("inst-1"), "DemoQueue");

        AmqpLogin login = subscription.loginAt(AT);

        assertThat(login.userName()).isEqualTo("accessKey=hw-key|timestamp=1716192000000|instanceId=inst-1");
        assertThat(login.password().reveal()).isEqualTo("the-code");
        assertThat(new HuaweiPushSubscription("default", URL, "hw-key", Secret.of("c"), Optional.empty(), "q")
                .loginAt(AT).userName()).isEqualTo("accessKey=hw-key|timestamp=1716192000000");
    }

    @Test
    void shouldAddEachVendorsConnectionOptionsToTheUrl() {
        assertThat(new AliyunPushSubscription("d", URL, "c", "g", "", "default", "ak", Secret.of("s"))
                .connectionUrl().toString()).isEqualTo(URL + "?amqp.idleTimeout=80000&amqp.saslMechanisms=PLAIN");
        assertThat(new HuaweiPushSubscription("d", URI.create("amqps://h:5671?amqp.idleTimeout=9000"), "k",
                Secret.of("c"), Optional.empty(), "q").connectionUrl().getQuery())
                .contains("amqp.idleTimeout=9000", "amqp.vhost=default", "amqp.saslMechanisms=PLAIN")
                .doesNotContain("8000");
    }

    @Test
    void shouldKeepSecretsOutOfTheirText() {
        AliyunPushSubscription aliyun = new AliyunPushSubscription("d", URL, "c", "g", "", "default", "ak",
                Secret.of("aliyun-secret"));
        HuaweiPushSubscription huawei = new HuaweiPushSubscription("d", URL, "k", Secret.of("huawei-code"),
                Optional.empty(), "q");

        assertThat(aliyun.toString()).doesNotContain("aliyun-secret");
        assertThat(aliyun.loginAt(AT).toString()).doesNotContain(aliyun.loginAt(AT).password().reveal());
        assertThat(huawei.toString()).doesNotContain("huawei-code");
    }
}
