package io.iotjobbridge.vendor;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
 */
public final class CallBudget {

    private final Map<String, Integer> qpsByApi;
    private final int defaultQps;
    private final Duration maxWait;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    /**
     * @param qpsByApi   calls per second by API name (as the vendor names it)
     * @param defaultQps for an API the table does not name
     * @param maxWait    how long a caller may wait for a permit before its step is retried later
     */
    public CallBudget(Map<String, Integer> qpsByApi, int defaultQps, Duration maxWait) {
        this.qpsByApi = Map.copyOf(qpsByApi);
        this.defaultQps = defaultQps;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        if (defaultQps <= 0 || this.qpsByApi.values().stream().anyMatch(qps -> qps <= 0)) {
            throw new IllegalArgumentException("every QPS must be positive");
        }
    }

    /**
     * Waits until a call to {@code api} on {@code account} fits the budget.
     *
     * @throws VendorException (retryable) when no permit came within the wait limit
     */
    public void acquire(Vendor vendor, String account, String api) throws VendorException {
        String key = vendor.wireName() + ":" + account + ":" + api;
        RateLimiter limiter = limiters.rateLimiter(key, () -> config(qpsOf(api)));
        if (!limiter.acquirePermission()) {
            throw VendorException.retryable("LocalRateLimit", "no " + api + " call fits the budget of "
                    + qpsOf(api) + "/s for account " + account + " within " + maxWait.toMillis() + " ms");
        }
    }

    public int qpsOf(String api) {
        return qpsByApi.getOrDefault(api, defaultQps);
    }

    static Duration spacing(int qps) {
        return qps == 1 ? Duration.ofMillis(1_001) : Duration.ofNanos(1_000_000_000L / (qps - 1) + 1);
    }

    private RateLimiterConfig config(int qps) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(spacing(qps))
                .timeoutDuration(maxWait)
                .build();
    }
}
