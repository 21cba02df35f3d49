package io.iotjobbridge.sandbox.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import io.iotjobbridge.sandbox.SandboxProperties;
import io.iotjobbridge.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;

class PushSettingsTest {

    @Test
    void shouldBeOnWithAFreePortWhenNothingIsSet() {
        PushSettings push = SandboxSettings.fromProperties(key -> null).push();

        assertThat(push.enabled()).isTrue();
        assertThat(push.port()).isZero();
        assertThat(push.timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(push.duplicates()).isFalse();
        assertThat(push.huaweiAccessKey()).isEqualTo(PushSettings.DEFAULT_HUAWEI_ACCESS_KEY);
        assertThat(push.huaweiAccessCode().reveal()).isEqualTo(PushSettings.DEFAULT_HUAWEI_ACCESS_CODE);
        assertThat(push.huaweiOwner()).isEqualTo(SandboxSettings.DEFAULT_ACCESS_KEY_ID);
        assertThat(push.huaweiQueue()).isEqualTo("default");
    }

    @Test
    void shouldReadEveryKey() {
        Map<String, String> properties = Map.of(
                "bridge.sandbox.access-key-id", "my-ak",
                "bridge.sandbox.push.enabled", "FALSE",
                "bridge.sandbox.push.port", "18602",
                "bridge.sandbox.push.timestamp-tolerance-ms", "1000",
                "bridge.sandbox.push.check-ms", "50",
                "bridge.sandbox.push.duplicates", "true",
                "bridge.sandbox.push.huawei.access-key", "hw-key",
                "bridge.sandbox.push.huawei.access-code", "hw-code",
                "bridge.sandbox.push.huawei.queue", "DemoQueue");

        PushSettings push = SandboxSettings.fromProperties(properties::get).push();

        assertThat(push.enabled()).isFalse();
        assertThat(push.port()).isEqualTo(18602);
        assertThat(push.timestampTolerance()).isEqualTo(Duration.ofSeconds(1));
        assertThat(push.checkInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(push.duplicates()).isTrue();
        assertThat(push.huaweiAccessKey()).isEqualTo("hw-key");
        assertThat(push.huaweiAccessCode().reveal()).isEqualTo("hw-code");
        assertThat(push.huaweiOwner()).isEqualTo("my-ak");
        assertThat(push.huaweiQueue()).isEqualTo("DemoQueue");
    }

    @Test
    void shouldLeaveTheWellKnownAmqpPortsToRealBrokers() {
        for (String port : new String[] {"5671", "5672"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SandboxSettings.fromProperties(Map.of("bridge.sandbox.push.port", port)::get))
                    .withMessageContaining(port);
        }
    }

    @Test
    void shouldNameTheKeyOfAFlagThatIsNeitherTrueNorFalse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PushSettings.fromProperties(
                        new SandboxProperties(Map.of("bridge.sandbox.push.duplicates", "yes")::get), "ak"))
                .withMessageContaining("bridge.sandbox.push.duplicates");
    }

    @Test
    void shouldKeepTheAccessCodeOutOfItsText() {
        PushSettings push = PushSettings.fromProperties(
                new SandboxProperties(Map.of("bridge.sandbox.push.huawei.access-code", "s3cr3t-code")::get), "ak");

        assertThat(push.toString()).doesNotContain("s3cr3t-code");
        assertThat(SandboxSettings.defaults().withPush(push).toString()).doesNotContain("s3cr3t-code");
    }
}
