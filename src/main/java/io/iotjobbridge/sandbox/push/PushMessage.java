package io.iotjobbridge.sandbox.push;

import java.util.Map;
import java.util.Objects;

/**
 * One message as a vendor pushes it: application properties and a binary body.
 *
 * @param kind what it announces, for the sandbox's stats (e.g. {@code aliyun.dop})
 */
public record PushMessage(String kind, Map<String, Object> properties, byte[] body) {

    public PushMessage {
        Objects.requireNonNull(kind, "kind");
        properties = Map.copyOf(properties);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
