package io.iotjobbridge.sandbox.fault;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.iotjobbridge.sandbox.SandboxProperties;

/**
 * The one place that decides which fault a vendor call gets: a plan per {@link FaultTarget}, consumed a step per
 * call, from {@code bridge.sandbox.faults.<vendor>.<Action>} at start, or set at run time ({@link #inject}, or
 * {@code POST /sandbox/faults}). A target with no plan left is served normally. Each fault handed out is counted
 * in the sandbox stats as {@code <vendor>.<Action>:<fault>}.
 */
public final class Faults {

    public static final String KEY_PREFIX = "faults.";
    static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

    /** Enough for any test's story; older handouts are dropped so a long-running sandbox stays small. */
    static final int KEPT_HANDOUTS = 1_000;

    private final Set<String> errorCodes;
    private final Consumer<String> counter;
    private final Clock clock;
    private final Deque<FaultHandout> handouts = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> plans = new HashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Duration stallFor = DEFAULT_STALL;

    /**
     * @param errorCodes the Alibaba codes {@code error:<Code>} may name
     * @param counter    told {@code <vendor>.<Action>:<fault>} for each fault handed out
     */
    public Faults(Set<String> errorCodes, Consumer<String> counter, Clock clock) {
        this.errorCodes = Set.copyOf(errorCodes);
        this.counter = counter;
        this.clock = clock;
    }

    /** Reads {@code bridge.sandbox.faults.stall-ms} and a plan for every target that has a key. */
    public void configure(SandboxProperties read) {
        stallFor = read.millis(KEY_PREFIX + "stall-ms", DEFAULT_STALL.toMillis());
        for (FaultTarget target : FaultTarget.all()) {
            String spec = read.text(KEY_PREFIX + target.key(), null);
            if (spec != null) {
                set(SandboxProperties.PREFIX + KEY_PREFIX + target.key(), target, spec);
            }
        }
    }

    /**
     * Replaces the plan of {@code target} ({@code aliyun.GetDownloadFile}) with {@code spec} ({@code 503,503,ok}).
     *
     * @throws IllegalArgumentException naming the target and the rule when either is not understood
     */
    public void inject(String target, String spec) {
        set(target, known(target), spec);
    }

    /**
     * Checks a plan without setting it.
     *
     * @throws IllegalArgumentException as {@link #inject} would
     */
    public void check(String target, String spec) {
        FaultPlan.parse(target, spec, known(target), errorCodes);
    }

    /** Drops every plan: all calls are served normally again. */
    public synchronized void clear() {
        plans.clear();
    }

    /** The steps still to come per target, as specs, e.g. {@code aliyun.QueryJob -> 503,ok}. */
    public synchronized Map<String, String> pending() {
        Map<String, String> pending = new TreeMap<>();
        plans.forEach((target, steps) -> pending.put(target,
                steps.stream().map(Fault::spec).collect(Collectors.joining(","))));
        return pending;
    }

    /** The faults handed out to {@code target} ({@code aliyun.GetDownloadFile}), oldest first. */
    public synchronized List<FaultHandout> handouts(String target) {
        return handouts.stream().filter(h -> h.target().equals(target)).toList();
    }

    /** The fault this call of {@code vendor}'s {@code action} gets, or empty to serve it normally. */
    public Optional<Fault> next(String vendor, String action) {
        String target = vendor + "." + action;
        Fault fault;
        synchronized (this) {
            Deque<Fault> steps = plans.get(target);
            if (steps == null) {
                return Optional.empty();
            }
            // never-finish is the last step and stays; every other step is used once
            fault = steps.size() == 1 && steps.peek().kind() == FaultKind.NEVER_FINISH ? steps.peek() : steps.poll();
            if (steps.isEmpty()) {
                plans.remove(target);
            }
            if (fault.kind() == FaultKind.OK) {
                return Optional.empty();
            }
            if (handouts.size() == KEPT_HANDOUTS) {
                handouts.removeFirst();
            }
            handouts.addLast(new FaultHandout(target, fault.spec(), clock.instant()));
        }
        counter.accept(target + ":" + fault.spec());
        return Optional.of(fault);
    }

    /**
     * Holds a stalled download: returns after {@code bridge.sandbox.faults.stall-ms}, or at once when the sandbox
     * closes, so a stall never outlives the sandbox.
     */
    public void stall() {
        try {
            released.await(stallFor.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every stall now and for good; the sandbox calls it as it closes. */
    public void release() {
        released.countDown();
    }

    private static FaultTarget known(String target) {
        return FaultTarget.of(target).orElseThrow(() -> new IllegalArgumentException("fault target " + target
                + " is not a vendor action the sandbox serves; use one of "
                + FaultTarget.all().stream().map(FaultTarget::key).toList()));
    }

    private synchronized void set(String key, FaultTarget target, String spec) {
        plans.put(target.key(), new ArrayDeque<>(FaultPlan.parse(key, spec, target, errorCodes)));
    }
}
