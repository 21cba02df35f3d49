package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The gateway's per-user flow control: at most n calls of one API per AK in each clock second. A fixed window, not a
 * sliding one: it is what "limit:n,time:1 second" describes, and it keeps the sandbox deterministic under a test
 * clock. One entry per (AK, API) that passed authentication, so memory stays bounded by the configured credentials.
 */
final class ApigThrottle {

    private final ToIntFunction<String> limitOfAction;
    private final Map<String, Window> windows = new HashMap<>();

    ApigThrottle(ToIntFunction<String> limitOfAction) {
        this.limitOfAction = limitOfAction;
    }

    /** Counts the call, or refuses it with APIG.0308 when this second's allowance is used up. */
    synchronized void admit(String accessKeyId, String action, Instant now) {
        int limit = limitOfAction.applyAsInt(action);
        long second = now.getEpochSecond();
        String key = accessKeyId + '\n' + action;
        Window window = windows.get(key);
        int used = window == null || window.second() != second ? 0 : window.calls();
        if (used >= limit) {
            throw IotdaError.throttled(limit).rejection();
        }
        windows.put(key, new Window(second, used + 1));
    }

    private record Window(long second, int calls) {
    }
}
