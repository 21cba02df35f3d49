package io.iotjobbridge.ops;

import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.config.BridgeProperties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    private static HttpSettings settings(Map<String, String> values) {
        DefaultCamelContext context = new DefaultCamelContext();
        java.util.Properties props = new java.util.Properties();
        props.putAll(values);
        context.getPropertiesComponent().setInitialProperties(props);
        return HttpSettings.fromProperties(new BridgeProperties(context.getPropertiesComponent()));
    }

    @Test
    void shouldNeedNoTokenOnLoopback() {
        assertThat(settings(Map.of("bridge.http.host", "127.0.0.1")).token()).isEqualTo(Optional.empty());
        assertThat(settings(Map.of("bridge.http.host", "localhost")).token()).isEmpty();
    }

    @Test
    void shouldRefuseToListenBeyondLoopbackWithoutAToken() {
        assertThatThrownBy(() -> settings(Map.of("bridge.http.host", "0.0.0.0")))
                .hasMessageContaining("bridge.http.token").hasMessageContaining("0.0.0.0");
    }

    @Test
    void shouldRefuseAShortToken() {
        assertThatThrownBy(() -> settings(Map.of("bridge.http.host", "0.0.0.0", "bridge.http.token", "short")))
                .hasMessageContaining("bridge.http.token must be at least 16 characters");
    }

    @Test
    void shouldKeepTheTokenMasked() {
        HttpSettings settings = settings(Map.of("bridge.http.host", "0.0.0.0", "bridge.http.token", "0123456789abcdef-x"));
        assertThat(settings.token()).isPresent();
        assertThat(settings.toString()).doesNotContain("0123456789abcdef-x");
    }
}
