package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest status a vendor list call showed for each item on it, shared by the jobs of one account that watch
 * items of that list. Where one page answers for many jobs (ListExportTasks, ListDeviceDistributeJob), the jobs
 * due around the same time then cost one list call together instead of one call each.
 *
 * <p>A status counts only while it is younger than {@code maxAge}. Kept below the engine's shortest gap between
 * two checks of one job (half of it by default), that guarantees a check never reuses what the job's previous
 * check already saw: every check learns something newer than the last.
 *
 * <p>Only what a sweep saw is trusted, never what it did not: an item missing from the snapshots makes its caller
 * sweep again (its own item may sit on a page another caller's sweep did not need to read).
 *
 * <p>One sweep of a listing runs at a time: a caller that finds one running waits for it (at most {@code maxWait})
 * and reads its result, so jobs checked at the same moment do not send the same list call side by side.
 *
 * @param <S> what is kept per item, e.g. the job status read from its row
 */
public final class StatusSweep<S> {

    /** Reads one listing from the vendor and records each item it sees; how far it pages is up to it. */
    @FunctionalInterface
    public interface Sweep<S> {
        void run(Recorder<S> recorder) throws VendorException;
    }

    /** Takes each item a sweep sees, by its key. */
    @FunctionalInterface
    public interface Recorder<S> {
        void record(String key, S status);
    }

    private record Snapshot<S>(S status, Instant observedAt) {
    }

    private final Duration maxAge;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<String, Snapshot<S>> snapshots = new ConcurrentHashMap<>();
    /** The sweep running for each listing; guarded by {@code this}. */
    private final Map<String, CompletableFuture<Void>> running = new HashMap<>();

    /**
     * @param maxAge  how long a recorded status answers for its item; zero turns sharing off
     * @param maxWait how long a caller waits for another caller's sweep before it sweeps itself
     * @param clock   dates the snapshots
     */
    public StatusSweep(Duration maxAge, Duration maxWait, Clock clock) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxAge and maxWait must not be negative");
        }
    }

    /**
     * The status of {@code key}: a fresh snapshot when there is one; else what the sweep of {@code listing} already
     * running finds; else what {@code sweep}, run now, finds. Empty when the sweep that ran for this caller did not
     * see the item.
     *
     * @param listing names the list {@code sweep} reads; one sweep of it runs at a time
     * @throws VendorException when this caller's own sweep fails
     */
    public Optional<S> status(String key, String listing, Sweep<S> sweep) throws VendorException {
        if (maxAge.isZero()) {
            return sweepNow(key, sweep);
        }
        CompletableFuture<Void> other;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        synchronized (this) {
            Optional<S> fresh = fresh(key);
            if (fresh.isPresent()) {
                return fresh;
            }
            other = running.putIfAbsent(listing, mine);
        }
        if (other != null) {
            awaitQuietly(other);
            Optional<S> fresh = fresh(key);
            if (fresh.isPresent()) {
                return fresh;
            }
            // that sweep stopped before reaching this item, or failed: sweep for it, as the one others may join now
            synchronized (this) {
                if (running.putIfAbsent(listing, mine) != null) {
                    mine = null;
                }
            }
        }
        try {
            return sweepNow(key, sweep);
        } finally {
            if (mine != null) {
                synchronized (this) {
                    running.remove(listing, mine);
                }
                mine.complete(null);
            }
        }
    }

    /** How many items have a snapshot; for tests and diagnostics. */
    int size() {
        return snapshots.size();
    }

    private Optional<S> sweepNow(String key, Sweep<S> sweep) throws VendorException {
        AtomicReference<S> found = new AtomicReference<>();
        try {
            sweep.run((itemKey, status) -> {
                snapshots.put(itemKey, new Snapshot<>(status, clock.instant()));
                if (itemKey.equals(key)) {
                    found.set(status);
                }
            });
        } finally {
            forgetStale();
        }
        return Optional.ofNullable(found.get());
    }

    private Optional<S> fresh(String key) {
        Snapshot<S> snapshot = snapshots.get(key);
        return snapshot != null && isFresh(snapshot, clock.instant())
                ? Optional.of(snapshot.status()) : Optional.empty();
    }

    private boolean isFresh(Snapshot<S> snapshot, Instant now) {
        return Duration.between(snapshot.observedAt(), now).compareTo(maxAge) < 0;
    }

    /** A snapshot too old to answer for anything is only memory: items of finished jobs would pile up. */
    private void forgetStale() {
        Instant now = clock.instant();
        snapshots.values().removeIf(snapshot -> !isFresh(snapshot, now));
    }

    /** Waits for another caller's sweep; its failure is that caller's to report, and this one sweeps itself. */
    private void awaitQuietly(CompletableFuture<Void> sweep) {
        try {
            sweep.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // fall through to a sweep of this caller's own
        }
    }
}
