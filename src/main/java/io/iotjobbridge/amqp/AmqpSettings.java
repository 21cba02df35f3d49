package io.iotjobbridge.amqp;

import java.util.Optional;
import java.util.regex.Pattern;

import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.Secret;

/**
 * The {@code bridge.amqp.*} and {@code bridge.broker.*} settings: which AMQP 1.0 broker the bridge takes requests
 * from and publishes status events to. Without {@code bridge.amqp.url} it is the embedded broker on
 * {@code bridge.broker.host}:{@code bridge.broker.port}.
 *
 * @param externalUrl an external broker's URL ({@code amqp://} or {@code amqps://host:port}); empty = embedded
 * @param password    with {@code user}, the broker login; on the embedded broker it is required of every client
 * @param prefetch    request messages each consumer holds ahead; small, so nodes sharing a queue share its messages
 */
public record AmqpSettings(boolean enabled, Optional<String> externalUrl, Optional<String> user,
                           Optional<Secret> password, Optional<String> trustStore,
                           Optional<Secret> trustStorePassword, String requests, String events, String deadLetter,
                           int consumers, int maxMessageBytes, String brokerHost, int brokerPort, int prefetch) {

    /** Letters, digits and {@code . _ - : /}: what an address needs, and nothing an endpoint URI could misread. */
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    public static final int DEFAULT_BROKER_PORT = 18616;

    public AmqpSettings {
        checkAddress("bridge.amqp.requests", requests);
        checkAddress("bridge.amqp.events", events);
        checkAddress("bridge.amqp.dead-letter", deadLetter);
        if (consumers < 1) {
            throw new IllegalArgumentException("bridge.amqp.consumers must be 1 or more; was " + consumers);
        }
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("bridge.amqp.max-message-bytes must be positive; was "
                    + maxMessageBytes);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("bridge.amqp.prefetch must be 1 or more; was " + prefetch);
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("bridge.amqp.user and bridge.amqp.password must be set together");
        }
        externalUrl.ifPresent(url -> {
            if (!url.startsWith("amqp://") && !url.startsWith("amqps://")) {
                throw new IllegalArgumentException("bridge.amqp.url must start with amqp:// or amqps://");
            }
        });
    }

    public static AmqpSettings fromProperties(BridgeProperties props) {
        return new AmqpSettings(
                props.getBoolean("bridge.amqp.enabled", true),
                props.get("bridge.amqp.url"),
                props.get("bridge.amqp.user"),
                optionalSecret(props, "bridge.amqp.password"),
                props.get("bridge.amqp.trust-store"),
                optionalSecret(props, "bridge.amqp.trust-store-password"),
                props.get("bridge.amqp.requests", "iot.jobs.requests"),
                props.get("bridge.amqp.events", "iot.jobs.events"),
                props.get("bridge.amqp.dead-letter", "iot.jobs.requests.dead"),
                props.getInt("bridge.amqp.consumers", 2),
                props.getInt("bridge.amqp.max-message-bytes", 1024 * 1024),
                props.get("bridge.broker.host", "127.0.0.1"),
                props.getInt("bridge.broker.port", DEFAULT_BROKER_PORT),
                props.getInt("bridge.amqp.prefetch", 10));
    }

    /** Whether the bridge runs its own broker: AMQP is on and no external one is configured. */
    public boolean embedded() {
        return enabled && externalUrl.isEmpty();
    }

    private static Optional<Secret> optionalSecret(BridgeProperties props, String key) {
        if (props.get(key).isEmpty() && props.get(key + "-file").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Secret.fromSetting(props::get, key));
    }

    private static void checkAddress(String key, String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException(key + " must be 1 to 200 letters, digits or . _ - : /; was '"
                    + address + "'");
        }
    }
}
