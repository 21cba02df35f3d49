package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/**
 * One budget of calls per second for each account and vendor API, shared by every job and route in this process,
 * so the bridge stays under the vendor's documented QPS instead of learning it from throttling errors.
 *
 * <p>Calls are spaced evenly, one permit per refresh period, rather than allowed in bursts: a burst at the end of
 * one second and another at the start of the next would break a limit the vendor counts over any one-second window.
 * One second overlaps at most {@code 1s / period + 1} periods, so the period is {@code 1s / (QPS - 1)}: no
 * one-second window, however it is placed, can hold more than QPS calls.
 *
 * <p>When the vendor throttles an API anyway (another process on the same account, a limit lower than documented),
 * the client reports it with {@link #pauseAfterThrottling}, and the whole API of that account pauses: every job's
 * next call to it is refused here, without reaching the vendor, until the pause ends. Retrying only the throttled
 * call would let every other job keep hitting an API the vendor has just said is over its limit. The pause starts
 * at {@value #FIRST_PAUSE_SECONDS} s and doubles each time the vendor throttles again after a pause, up to
 * {@value #LONGEST_PAUSE_SECONDS} s; a call the vendor accepts resets it.
 */
public final class CallBudget {

    static final int FIRST_PAUSE_SECONDS = 1;
    static final int LONGEST_PAUSE_SECONDS = 60;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(FIRST_PAUSE_SECONDS);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(LONGEST_PAUSE_SECONDS);

    private final Map<String, Integer> qpsByApi;
    private final int defaultQps;
    private final Duration maxWait;
    private final Clock clock;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    /** A paused API: no call before {@code until}; {@code length} is what the next pause doubles. */
    private record Pause(Instant until, Duration length) {
    }

    /**
     * @param qpsByApi   calls per second by API name (as the vendor names it)
     * @param defaultQps for an API the table does not name
     * @param maxWait    how long a caller may wait for a permit before its step is retried later
     * @param clock      times the pauses after vendor throttling
     */
    public CallBudget(Map<String, Integer> qpsByApi, int defaultQps, Duration maxWait, Clock clock) {
        this.qpsByApi = Map.copyOf(qpsByApi);
        this.defaultQps = defaultQps;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (defaultQps <= 0 || this.qpsByApi.values().stream().anyMatch(qps -> qps <= 0)) {
            throw new IllegalArgumentException("every QPS must be positive");
        }
    }

    /**
     * Waits until a call to {@code api} on {@code account} fits the budget.
     *
     * @throws VendorException (retryable) when the API is paused after vendor throttling, with
     *                         {@link VendorException#notBefore()} at the end of the pause; or when no permit came
     *                         within the wait limit
     */
    public void acquire(Vendor vendor, String account, String api) throws VendorException {
        String key = key(vendor, account, api);
        Pause pause = pauses.get(key);
        if (pause != null && clock.instant().isBefore(pause.until())) {
            throw VendorException.retryableAfter("ApiPaused", api + " calls on account " + account
                    + " are paused until " + pause.until() + " because " + vendor + " throttled them", pause.until());
        }
        RateLimiter limiter = limiters.rateLimiter(key, () -> config(qpsOf(api)));
        if (!limiter.acquirePermission()) {
            throw VendorException.retryable("LocalRateLimit", "no " + api + " call fits the budget of "
                    + qpsOf(api) + "/s for account " + account + " within " + maxWait.toMillis() + " ms");
        }
    }

    /**
     * Pauses {@code api} on {@code account} because the vendor throttled a call to it, and returns when the pause
     * ends. A throttling answer that arrives while a pause runs belongs to a call sent before it began, so it leaves
     * the pause as it is; the first one after a pause ended doubles it.
     */
    public Instant pauseAfterThrottling(Vendor vendor, String account, String api) {
        Instant now = clock.instant();
        return pauses.compute(key(vendor, account, api), (key, current) -> {
            if (current != null && now.isBefore(current.until())) {
                return current;
            }
            Duration length = current == null ? FIRST_PAUSE : min(current.length().multipliedBy(2), LONGEST_PAUSE);
            return new Pause(now.plus(length), length);
        }).until();
    }

    /**
     * The vendor accepted a call to {@code api} (it answered, and not with throttling): once no pause runs, the next
     * throttling starts again from the shortest pause. An answer during a pause is to a call sent before it and
     * ends nothing.
     */
    public void callAccepted(Vendor vendor, String account, String api) {
        pauses.computeIfPresent(key(vendor, account, api),
                (key, current) -> clock.instant().isBefore(current.until()) ? current : null);
    }

    public int qpsOf(String api) {
        return qpsByApi.getOrDefault(api, defaultQps);
    }

    static Duration spacing(int qps) {
        return qps == 1 ? Duration.ofMillis(1_001) : Duration.ofNanos(1_000_000_000L / (qps - 1) + 1);
    }

    private static String key(Vendor vendor, String account, String api) {
        return vendor.wireName() + ":" + account + ":" + api;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private RateLimiterConfig config(int qps) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(spacing(qps))
                .timeoutDuration(maxWait)
                .build();
    }
}
