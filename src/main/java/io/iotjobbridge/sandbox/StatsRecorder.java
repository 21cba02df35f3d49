package io.iotjobbridge.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters behind {@link SandboxStats}; handlers record, anyone may take a snapshot. Public so the
 * vendor-specific packages ({@code sandbox.huawei}) record into the same counters; only the sandbox creates one.
 */
public final class StatsRecorder {

    private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> pushed = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder downloads = new LongAdder();
    private final LongAdder downloadBytes = new LongAdder();

    StatsRecorder() {
    }

    public void call(String action) {
        calls.computeIfAbsent(action, k -> new LongAdder()).increment();
    }

    public void rejection(String code) {
        rejections.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** One message put on the AMQP endpoint for subscribers, by what it announces. */
    public void pushed(String kind) {
        pushed.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** One injected fault handed out, as {@code <vendor>.<Action>:<fault>}. */
    public void fault(String targetAndFault) {
        faults.computeIfAbsent(targetAndFault, k -> new LongAdder()).increment();
    }

    void downloadStarted() {
        downloads.increment();
    }

    void downloadBytes(long bytes) {
        downloadBytes.add(bytes);
    }

    SandboxStats snapshot() {
        return new SandboxStats(sum(calls), sum(rejections), sum(pushed), sum(faults), downloads.sum(),
                downloadBytes.sum());
    }

    private static Map<String, Long> sum(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
