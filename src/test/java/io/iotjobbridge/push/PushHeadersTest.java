package io.iotjobbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"topic", "TOPIC", "messageId", "MESSAGEID", "messageid", "generateTime", "GenerateTime"})
    void shouldAllowTheVendorPropertiesInAnyCase(String name) {
        assertThat(PushHeaders.isAllowed(name)).isTrue();
        assertThat(PushHeaders.FILTER.applyFilterToExternalHeaders(name, "v", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CamelFileName", "camelfilename", "CAMELEXECCOMMANDEXECUTABLE", "cAmElHttpUri",
        "JMSReplyTo", "JMSType", "JMS_AMQP_ACK_TYPE", "Camel_DOT_Split", "topic ", "message-id", ""})
    void shouldDropEverythingElse(String name) {
        assertThat(PushHeaders.isAllowed(name)).isFalse();
        assertThat(PushHeaders.FILTER.applyFilterToExternalHeaders(name, "v", null)).isTrue();
    }

    @Test
    void shouldRemoveEveryOtherHeaderFromTheMessage() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("MessageId", "1");
        exchange.getMessage().setHeader("CamelFileName", "x");
        exchange.getMessage().setHeader("JMSReplyTo", "q");

        PushHeaders.keepAllowed(exchange);

        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys("MessageId");
    }

    @Test
    void shouldNeverLetAHeaderOut() {
        assertThat(PushHeaders.FILTER.applyFilterToCamelHeaders("topic", "t", null)).isTrue();
    }
}
