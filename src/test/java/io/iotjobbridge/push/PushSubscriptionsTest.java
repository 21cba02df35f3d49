package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.SandboxPush;
import io.iotjobbridge.vendor.Vendor;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushSubscriptionsTest {

    private static final URI SANDBOX = URI.create("http://127.0.0.1:18601");
    private static final SandboxPush SANDBOX_PUSH = new SandboxPush(URI.create("amqp://127.0.0.1:18602"),
            "sandbox-amqp-key", Secret.of("sandbox-access-code"), "default");

    @TempDir
    Path dir;

    private final Properties settings = new Properties();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void shouldSubscribeTheSandboxAccountsToTheSandboxWhenNothingIsConfigured() {
        List<PushSubscription> all = read(Optional.of(SANDBOX_PUSH)).all();

        assertThat(all).hasSize(2);
        AliyunPushSubscription aliyun = (AliyunPushSubscription) all.get(0);
        assertThat(aliyun.account()).isEqualTo("default");
        assertThat(aliyun.url()).isEqualTo(SANDBOX_PUSH.url());
        assertThat(aliyun.consumerGroup()).isEqualTo("dop_aliyun_group_name");
        assertThat(aliyun.accessKeyId()).isEqualTo("sandbox-ak");
        assertThat(aliyun.clientId()).startsWith("iot-job-bridge").hasSizeLessThanOrEqualTo(64);
        HuaweiPushSubscription huawei = (HuaweiPushSubscription) all.get(1);
        assertThat(huawei.accessKey()).isEqualTo("sandbox-amqp-key");
        assertThat(huawei.accessCode().reveal()).isEqualTo("sandbox-access-code");
        assertThat(huawei.queue()).isEqualTo("default");
    }

    @Test
    void shouldSubscribeNothingWithoutSandboxOrSettings() {
        assertThat(read(Optional.empty()).all()).isEmpty();
    }

    @Test
    void shouldSubscribeNothingWhenPushIsOff() {
        settings.setProperty("bridge.push.enabled", "false");

        assertThat(read(Optional.of(SANDBOX_PUSH)).all()).isEmpty();
    }

    @Test
    void shouldReadARealAliyunSubscriptionSignedWithTheAccountsKey() {
        realAliyun("prod");
        settings.setProperty("bridge.accounts.prod.aliyun.push.url",
                "amqps://iot-06z00x.amqp.iothub.aliyuncs.com:5671");
        settings.setProperty("bridge.accounts.prod.aliyun.push.client-id", "bridge-a");
        settings.setProperty("bridge.accounts.prod.aliyun.push.iot-instance-id", "iot-06z00x");
        settings.setProperty("bridge.push.reconnect-ms", "1500");

        PushSubscriptions subscriptions = read(Optional.empty());

        assertThat(subscriptions.reconnectInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(subscriptions.all()).singleElement().isInstanceOfSatisfying(AliyunPushSubscription.class, s -> {
            assertThat(s.account()).isEqualTo("prod");
            assertThat(s.clientId()).isEqualTo("bridge-a");
            assertThat(s.iotInstanceId()).isEqualTo("iot-06z00x");
            assertThat(s.consumerGroup()).isEqualTo("dop_aliyun_group_name");
            assertThat(s.queue()).isEqualTo("default");
            assertThat(s.accessKeyId()).isEqualTo("LTAIprod");
            assertThat(s.accessKeySecret().reveal()).isEqualTo("prod-secret");
        });
    }

    @Test
    void shouldLeaveTheSandboxOutForAVendorWhoseDefaultAccountIsReal() {
        realAliyun("default");

        List<PushSubscription> all = read(Optional.of(SANDBOX_PUSH)).all();

        assertThat(all).singleElement().extracting(PushSubscription::vendor).isEqualTo(Vendor.HUAWEI);
    }

    @Test
    void shouldReadAHuaweiSubscriptionWithTheAccessCodeFromAFile() throws Exception {
        realHuawei("prod");
        Path code = Files.writeString(dir.resolve("access-code"), "c0de-from-file\n");
        settings.setProperty("bridge.accounts.prod.huawei.push.url",
                "amqps://abc.iot-amqps.cn-north-4.myhuaweicloud.com:5671");
        settings.setProperty("bridge.accounts.prod.huawei.push.access-key", "hw-key");
        settings.setProperty("bridge.accounts.prod.huawei.push.access-code-file", code.toString());
        settings.setProperty("bridge.accounts.prod.huawei.push.queue", "DemoQueue");
        settings.setProperty("bridge.accounts.prod.huawei.push.instance-id", "inst-9");

        assertThat(read(Optional.empty()).all()).singleElement()
                .isInstanceOfSatisfying(HuaweiPushSubscription.class, s -> {
                    assertThat(s.accessCode().reveal()).isEqualTo("c0de-from-file");
                    assertThat(s.queue()).isEqualTo("DemoQueue");
                    assertThat(s.instanceId()).contains("inst-9");
                    assertThat(s.connectionUrl().getQuery()).contains("amqp.vhost=default");
                });
    }

    @Test
    void shouldNameWhatIsMissing() {
        realHuawei("prod");
        settings.setProperty("bridge.accounts.prod.huawei.push.url", "amqps://h:5671");
        assertThatIllegalStateException().isThrownBy(() -> read(Optional.empty()))
                .withMessage("bridge.accounts.prod.huawei.push.access-key is not set");

        settings.setProperty("bridge.accounts.prod.huawei.push.access-key", "k");
        assertThatIllegalStateException().isThrownBy(() -> read(Optional.empty()))
                .withMessage("bridge.accounts.prod.huawei.push.access-code (or "
                        + "bridge.accounts.prod.huawei.push.access-code-file) is not set");

        settings.setProperty("bridge.accounts.other.aliyun.push.url", "amqps://h:5671");
        settings.setProperty("bridge.accounts.prod.huawei.push.access-code", "c");
        assertThatIllegalStateException().isThrownBy(() -> read(Optional.empty()))
                .withMessageContaining("bridge.accounts.other.aliyun.push.url")
                .withMessageContaining("bridge.accounts.other.aliyun.endpoint");
    }

    @Test
    void shouldRefuseAUrlThatIsNotAmqp() {
        realAliyun("prod");
        settings.setProperty("bridge.accounts.prod.aliyun.push.url", "https://example.com");

        assertThatIllegalStateException().isThrownBy(() -> read(Optional.empty()))
                .withMessageContaining("bridge.accounts.prod.aliyun.push.url");
    }

    private void realAliyun(String name) {
        settings.setProperty("bridge.accounts." + name + ".aliyun.endpoint", "https://iot.cn-shanghai.aliyuncs.com");
        settings.setProperty("bridge.accounts." + name + ".aliyun.access-key-id", "LTAI" + name);
        settings.setProperty("bridge.accounts." + name + ".aliyun.access-key-secret", name + "-secret");
    }

    private void realHuawei(String name) {
        String prefix = "bridge.accounts." + name + ".huawei.";
        settings.setProperty(prefix + "endpoint", "https://iotda.cn-north-4.myhuaweicloud.com");
        settings.setProperty(prefix + "access-key-id", "AK");
        settings.setProperty(prefix + "secret-access-key", "SK");
        settings.setProperty(prefix + "project-id", "0123456789abcdef0123456789abcdef");
    }

    private PushSubscriptions read(Optional<SandboxPush> sandbox) {
        camel.getPropertiesComponent().setInitialProperties(settings);
        BridgeProperties props = new BridgeProperties(camel.getPropertiesComponent());
        boolean sandboxed = sandbox.isPresent();
        Accounts accounts = new Accounts(props::get,
                () -> sandboxed ? Optional.of(new AliyunAccount("default", SANDBOX, "sandbox-ak",
                        Secret.of("sandbox-secret"), "cn-shanghai", List.of())) : Optional.empty(),
                () -> sandboxed ? Optional.of(new HuaweiAccount("default", SANDBOX, "sandbox-ak",
                        Secret.of("sandbox-secret"), "p", "cn-north-4", Optional.empty())) : Optional.empty());
        return PushSubscriptions.fromProperties(props, accounts, sandbox);
    }
}
