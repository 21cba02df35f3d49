package io.iotjobbridge.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

class AmqpPayloadTest {

    private static final int MAX = 64 * 1024;

    @Test
    void shouldReadATextBodyAsUtf8() throws Exception {
        TextMessage text = fake(TextMessage.class, new ArrayList<>(), "{\"ü\":1}");

        assertThat(AmqpPayload.read(text, MAX)).hasValueSatisfying(body ->
                assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"ü\":1}"));
    }

    @Test
    void shouldNeverOpenTheBodyOfAnObjectMapOrStreamMessage() throws Exception {
        List<String> calls = new ArrayList<>();
        for (Class<? extends Message> kind : List.of(ObjectMessage.class, MapMessage.class, StreamMessage.class)) {
            assertThat(AmqpPayload.read(fake(kind, calls, null), MAX)).isEmpty();
        }

        // nothing but type checks happened: no getObject, getMapNames, readObject, getBody…
        assertThat(calls).isEmpty();
    }

    @Test
    void shouldRefuseABytesBodyOverTheLimitWithoutReadingIt() throws Exception {
        List<String> calls = new ArrayList<>();
        BytesMessage big = fake(BytesMessage.class, calls, (long) MAX + 1);

        assertThat(AmqpPayload.read(big, MAX)).isEmpty();
        assertThat(calls).containsExactly("getBodyLength");
    }

    @Test
    void shouldNameTheKindOfARefusedMessage() {
        assertThat(AmqpPayload.kindOf(fake(ObjectMessage.class, new ArrayList<>(), null))).isEqualTo("ObjectMessage");
    }

    /** A message of {@code kind} that records every method called on it; {@code answer} for the body getters. */
    @SuppressWarnings("unchecked")
    private static <T extends Message> T fake(Class<T> kind, List<String> calls, Object answer) {
        return (T) Proxy.newProxyInstance(AmqpPayloadTest.class.getClassLoader(), new Class<?>[] {kind},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : kind.getName();
                    }
                    calls.add(method.getName());
                    return answer;
                });
    }
}
