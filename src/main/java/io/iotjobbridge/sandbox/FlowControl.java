package io.iotjobbridge.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The gateway's flow control: per account and API, at most {@link ApiRateLimits} calls within each second of the
 * sandbox clock. The vendor does not say how it counts; a window per whole second is the plainest reading of "QPS",
 * and it makes limit + 1 calls in one second fail and the next second succeed, exactly.
 *
 * <p>One entry per account and API, however many calls: memory stays bounded by the configured credentials.
 */
final class FlowControl {

    private final ApiRateLimits limits;
    private final Map<Key, Window> windows = new HashMap<>();

    FlowControl(ApiRateLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts the call, or refuses it as the gateway does when the account's limit for this second is used up.
     * Refused calls are not counted: a client hammering a full window does not push its next second back.
     */
    synchronized void admit(String accessKeyId, String action, Instant now) {
        OptionalInt limit = limits.of(action);
        if (limit.isEmpty()) {
            return;
        }
        Key key = new Key(accessKeyId, action);
        long second = now.getEpochSecond();
        Window window = windows.get(key);
        int used = window == null || window.second() != second ? 0 : window.calls();
        if (used >= limit.getAsInt()) {
            throw GatewayError.throttled().rejection();
        }
        windows.put(key, new Window(second, used + 1));
    }

    private record Key(String accessKeyId, String action) {
    }

    private record Window(long second, int calls) {
    }
}
