package io.iotjobbridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.iotjobbridge.config.Secret;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets a status API call through only with the configured token, sent as {@code Authorization: Bearer <token>}.
 * Without a configured token (loopback only, see {@link HttpSettings}) every call is let through. A refused call
 * gets 401 and a JSON reason and never reaches the route; the token is compared in constant time and never echoed.
 */
public final class ApiAccess implements Processor {

    private final Optional<byte[]> token;

    public ApiAccess(Optional<Secret> token) {
        this.token = token.map(secret -> secret.reveal().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void process(Exchange exchange) {
        if (token.isEmpty()) {
            return;
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8))) {
            ApiReplies.error(exchange, 401, "Authorization",
                    header == null ? "is required: send 'Authorization: Bearer <bridge.http.token>'"
                            : "does not carry the configured bridge.http.token");
            exchange.setRouteStop(true);
        }
    }
}
