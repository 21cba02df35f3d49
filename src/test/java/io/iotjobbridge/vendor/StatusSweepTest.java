package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.iotjobbridge.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusSweepTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Map<String, String> PAGE = Map.of("a", "Processing", "b", "Success", "c", "Failed");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final StatusSweep<String> sweep = new StatusSweep<>(MAX_AGE, Duration.ofSeconds(30), clock);
    private final AtomicInteger listCalls = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** One list call that shows {@link #PAGE}. */
    private void listPage(StatusSweep.Recorder<String> recorder) {
        listCalls.incrementAndGet();
        PAGE.forEach(recorder::record);
    }

    @Test
    void oneListCallAnswersForEveryItemOnItWhileItIsFresh() throws VendorException {
        assertThat(sweep.status("a", "list", this::listPage)).contains("Processing");
        clock.advance(MAX_AGE.minusMillis(1));
        assertThat(sweep.status("b", "list", this::listPage)).contains("Success");
        assertThat(sweep.status("c", "list", this::listPage)).contains("Failed");

        assertThat(listCalls).hasValue(1);
    }

    @Test
    void aSnapshotAsOldAsMaxAgeNoLongerAnswers() throws VendorException {
        sweep.status("a", "list", this::listPage);
        clock.advance(MAX_AGE);

        assertThat(sweep.status("b", "list", this::listPage)).contains("Success");
        assertThat(listCalls).hasValue(2);
        assertThat(sweep.size()).as("stale snapshots are dropped, fresh ones kept").isEqualTo(3);
    }

    @Test
    void anItemTheSweepDidNotSeeIsLookedForAgainNextTime() throws VendorException {
        assertThat(sweep.status("d", "list", this::listPage)).isEmpty();
        assertThat(sweep.status("d", "list", this::listPage)).isEmpty();

        assertThat(listCalls).as("absence is never taken from a snapshot").hasValue(2);
    }

    @Test
    void zeroMaxAgeMakesEveryCallerListForItself() throws VendorException {
        StatusSweep<String> unshared = new StatusSweep<>(Duration.ZERO, Duration.ofSeconds(30), clock);

        unshared.status("a", "list", this::listPage);
        unshared.status("b", "list", this::listPage);

        assertThat(listCalls).hasValue(2);
    }

    @Test
    void callersArrivingDuringASweepWaitForItInsteadOfListingToo() throws Exception {
        CountDownLatch sweeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StatusSweep.Sweep<String> slowList = recorder -> {
            sweeping.countDown();
            await(release);
            listPage(recorder);
        };
        Future<Optional<String>> first = threads.submit(() -> sweep.status("a", "list", slowList));
        await(sweeping);
        List<Future<Optional<String>>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = i % 2 == 0 ? "b" : "c";
            others.add(threads.submit(() -> sweep.status(key, "list", slowList)));
        }
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains("Processing");
        for (Future<Optional<String>> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isPresent();
        }
        assertThat(listCalls).hasValue(1);
    }

    @Test
    void aCallerWaitsForAnotherSweepOnlySoLong() throws Exception {
        StatusSweep<String> impatient = new StatusSweep<>(MAX_AGE, Duration.ofMillis(50), clock);
        CountDownLatch sweeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> stuck = threads.submit(() -> impatient.status("a", "list", recorder -> {
            sweeping.countDown();
            await(release);
            listPage(recorder);
        }));
        await(sweeping);

        assertThat(impatient.status("b", "list", this::listPage)).contains("Success");
        release.countDown();
        assertThat(stuck.get(10, TimeUnit.SECONDS)).contains("Processing");
        assertThat(listCalls).hasValue(2);
    }

    @Test
    void aFailedSweepIsReportedToItsCallerAndTheWaitersListForThemselves() throws Exception {
        CountDownLatch sweeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> failing = threads.submit(() -> sweep.status("a", "list", recorder -> {
            sweeping.countDown();
            await(release);
            throw VendorException.retryable("HTTP503", "unavailable");
        }));
        await(sweeping);
        Future<Optional<String>> waiting = threads.submit(() -> sweep.status("b", "list", this::listPage));
        release.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).contains("Success");
        Exception failed = catchThrowableOfType(Exception.class, () -> failing.get(10, TimeUnit.SECONDS));
        assertThat(failed).hasCauseInstanceOf(VendorException.class);
    }

    @Test
    void sweepsOfDifferentListingsDoNotWaitForEachOther() throws Exception {
        CountDownLatch sweeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> stuck = threads.submit(() -> sweep.status("scope-1", "scope-1", recorder -> {
            sweeping.countDown();
            await(release);
            recorder.record("scope-1", "Running");
        }));
        await(sweeping);

        Future<Optional<String>> other = threads.submit(
                () -> sweep.status("scope-2", "scope-2", recorder -> recorder.record("scope-2", "Done")));

        assertThat(other.get(10, TimeUnit.SECONDS)).as("answered while scope-1 is still being listed")
                .contains("Done");
        release.countDown();
        assertThat(stuck.get(10, TimeUnit.SECONDS)).contains("Running");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
