package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import java.util.concurrent.locks.LockSupport;

/**
 * One budget of calls per second for each account and vendor API, shared by every job and route in this process,
 * so the bridge stays under the vendor's documented QPS instead of learning it from throttling errors.
 *
 * <p>No window of one second plus a margin (for the spread of network delays between here and the vendor's clock)
 * ever holds more than QPS calls, wherever it is placed (see {@link CallWindow}): a vendor counting per second,
 * by fixed or by sliding seconds, never sees more than its limit, and a queue of calls still runs at nearly the
 * full rate. A fixed-window rate limiter cannot promise that (two full windows back to back put 2 x QPS calls in
 * one second), which is why this is not a resilience4j {@code RateLimiter}.
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
    public static final Duration DEFAULT_WINDOW_MARGIN = Duration.ofMillis(100);

    private final Map<String, Integer> qpsByApi;
    private final int defaultQps;
    private final Duration maxWait;
    private final Clock clock;
    private final Duration window;
    private final Map<String, CallWindow> windows = new ConcurrentHashMap<>();
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
        this(qpsByApi, defaultQps, maxWait, DEFAULT_WINDOW_MARGIN, clock);
    }

    /** @param windowMargin added to the one-second window the vendor counts in, for network delay spread */
    public CallBudget(Map<String, Integer> qpsByApi, int defaultQps, Duration maxWait, Duration windowMargin,
                      Clock clock) {
        this.window = Duration.ofSeconds(1).plus(Objects.requireNonNull(windowMargin, "windowMargin"));
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
            throw VendorException.heldBack("ApiPaused", api + " calls on account " + account
                    + " are paused until " + pause.until() + " because " + vendor + " throttled them", pause.until());
        }
        CallWindow calls = windows.computeIfAbsent(key, k -> new CallWindow(qpsOf(api), window));
        long now = System.nanoTime();
        long at = calls.reserve(now, maxWait.toNanos());
        if (at < 0) {
            throw VendorException.heldBack("LocalRateLimit", "no " + api + " call fits the budget of "
                    + qpsOf(api) + "/s for account " + account + " within " + maxWait.toMillis() + " ms",
                    clock.instant().plusNanos(calls.nextFree(now) - now));
        }
        for (long wait = at - now; wait > 0; wait = at - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw VendorException.retryable("Interrupted", "stopped while waiting to call " + api);
            }
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

    private static String key(Vendor vendor, String account, String api) {
        return vendor.wireName() + ":" + account + ":" + api;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
