package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.Properties;

import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.sandbox.push.PushSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a bridge finds the sandbox's AMQP push endpoint. */
class SandboxLinkPushTest {

    private final Properties settings = new Properties();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void shouldOfferTheEmbeddedSandboxsEndpointWithItsHuaweiCredentials() {
        settings.setProperty("bridge.sandbox.port", "0");
        settings.setProperty("bridge.sandbox.push.huawei.queue", "DemoQueue");

        try (SandboxLink link = link()) {
            SandboxPush push = link.push().orElseThrow();
            assertThat(push.url()).isEqualTo(link.embedded().orElseThrow().pushUrl().orElseThrow());
            assertThat(push.huaweiAccessKey()).isEqualTo(PushSettings.DEFAULT_HUAWEI_ACCESS_KEY);
            assertThat(push.huaweiAccessCode().reveal()).isEqualTo(PushSettings.DEFAULT_HUAWEI_ACCESS_CODE);
            assertThat(push.huaweiQueue()).isEqualTo("DemoQueue");
        }
    }

    @Test
    void shouldOfferNoEndpointWhenTheSandboxDoesNotPush() {
        settings.setProperty("bridge.sandbox.port", "0");
        settings.setProperty("bridge.sandbox.push.enabled", "false");

        try (SandboxLink link = link()) {
            assertThat(link.push()).isEmpty();
        }
    }

    @Test
    void shouldOfferTheEndpointOfASandboxElsewhereOnlyWhenToldWhereItIs() {
        settings.setProperty("bridge.sandbox.url", "http://127.0.0.1:18601");
        try (SandboxLink link = link()) {
            assertThat(link.embedded()).isEmpty();
            assertThat(link.push()).isEmpty();
        }

        settings.setProperty("bridge.sandbox.push.url", "amqp://127.0.0.1:18602");
        try (SandboxLink link = link()) {
            assertThat(link.push()).map(SandboxPush::url).contains(URI.create("amqp://127.0.0.1:18602"));
        }
    }

    private SandboxLink link() {
        camel.getPropertiesComponent().setInitialProperties(settings);
        return SandboxLink.fromProperties(new BridgeProperties(camel.getPropertiesComponent()), Clock.systemUTC());
    }
}
