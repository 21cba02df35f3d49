package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AmqpUrlTest {

    @Test
    void shouldAddOnlyTheOptionsNotSetAlready() {
        URI url = AmqpUrl.withDefaults(URI.create("amqp://127.0.0.1:18602?amqp.idleTimeout=30000"),
                Map.of("amqp.idleTimeout", "80000", "amqp.vhost", "default"));

        assertThat(url.getQuery()).isEqualTo("amqp.idleTimeout=30000&amqp.vhost=default");
    }

    @Test
    void shouldGiveTheOptionsOfAFailoverUrlToEveryNestedUrl() {
        URI url = AmqpUrl.withDefaults(
                URI.create("failover:(amqps://a:5671,amqps://b:5671)?failover.reconnectDelay=30"),
                Map.of("amqp.idleTimeout", "80000"));

        assertThat(url.toString()).isEqualTo("failover:(amqps://a:5671,amqps://b:5671)?failover.reconnectDelay=30"
                + "&failover.nested.amqp.idleTimeout=80000");
    }

    @Test
    void shouldLeaveAnOptionSetInsideAFailoverUrlAlone() {
        URI url = AmqpUrl.withDefaults(URI.create("failover:(amqps://a:5671?amqp.idleTimeout=60000)"),
                Map.of("amqp.idleTimeout", "80000"));

        assertThat(url.toString()).isEqualTo("failover:(amqps://a:5671?amqp.idleTimeout=60000)");
    }

    @Test
    void shouldRefuseWhatQpidCannotConnectToNamingTheKey() {
        assertThatIllegalStateException().isThrownBy(() -> AmqpUrl.parse("bridge.accounts.a.aliyun.push.url",
                        "http://example.com"))
                .withMessageContaining("bridge.accounts.a.aliyun.push.url");
        assertThatIllegalStateException().isThrownBy(() -> AmqpUrl.parse("k", "no scheme"))
                .withMessageContaining("k");
    }
}
