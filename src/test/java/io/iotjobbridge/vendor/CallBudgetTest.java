package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.iotjobbridge.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final String API = "QueryJob";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    /** Generous enough that the rate limiter never refuses: these tests are about the pauses. */
    private final CallBudget generous = new CallBudget(Map.of(), 100_000, Duration.ofSeconds(1), clock);

    @Test
    void theQpsCallsOfAWindowGoAtOnceAndTheNextIsHeldBackUntilTheWindowHasPassed() throws VendorException {
        // a window of 1 s plus a 5 s margin: the sixth call cannot fit however slowly the five before it ran
        CallBudget budget = new CallBudget(Map.of("CreateJob", 5), 10, Duration.ZERO, Duration.ofSeconds(5), clock);
        for (int i = 0; i < 5; i++) {
            budget.acquire(Vendor.ALIYUN, "default", "CreateJob");
        }

        assertThatThrownBy(() -> budget.acquire(Vendor.ALIYUN, "default", "CreateJob"))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.isHeldBack()).isTrue();
                    assertThat(e.notBefore().orElseThrow()).isAfter(clock.instant())
                            .isBeforeOrEqualTo(clock.instant().plusSeconds(6));
                });
    }

    @Test
    void apisWithoutAnEntryGetTheDefault() {
        CallBudget budget = new CallBudget(Map.of("CreateJob", 5), 10, Duration.ofSeconds(1), clock);

        assertThat(budget.qpsOf("CreateJob")).isEqualTo(5);
        assertThat(budget.qpsOf("QueryJob")).isEqualTo(10);
    }

    @Test
    void aPermitBeyondTheWaitLimitIsARetryableFailureNamingTheApi() throws VendorException {
        CallBudget budget = new CallBudget(Map.of("CreateJob", 1), 10, Duration.ZERO, clock);
        budget.acquire(Vendor.ALIYUN, "default", "CreateJob");

        assertThatThrownBy(() -> budget.acquire(Vendor.ALIYUN, "default", "CreateJob"))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
                    assertThat(e.isHeldBack()).as("never reached the vendor").isTrue();
                    assertThat(e.notBefore()).isPresent();
                    assertThat(e.getMessage()).contains("CreateJob", "1/s", "default");
                });
        // another account has a budget of its own
        budget.acquire(Vendor.ALIYUN, "other", "CreateJob");
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> new CallBudget(Map.of("CreateJob", 0), 10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThrottledApiIsRefusedForEveryCallerUntilThePauseEnds() throws VendorException {
        Instant resumeAt = generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API);

        assertThat(resumeAt).isEqualTo(clock.instant().plusSeconds(1));
        VendorException paused = catchThrowableOfType(VendorException.class,
                () -> generous.acquire(Vendor.ALIYUN, "default", API));
        assertThat(paused.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
        assertThat(paused.notBefore()).contains(resumeAt);
        assertThat(paused.getMessage()).contains(API, "default", "paused until " + resumeAt, "aliyun throttled");
        // the pause is the API's on that account: other APIs, accounts and vendors go on
        generous.acquire(Vendor.ALIYUN, "default", "ListTask");
        generous.acquire(Vendor.ALIYUN, "other", API);
        generous.acquire(Vendor.HUAWEI, "default", API);

        clock.advance(Duration.ofMillis(999));
        assertThat(catchThrowableOfType(VendorException.class, () -> generous.acquire(Vendor.ALIYUN, "default", API)))
                .isNotNull();
        clock.advance(Duration.ofMillis(1));
        generous.acquire(Vendor.ALIYUN, "default", API);
    }

    @Test
    void thePauseDoublesEachTimeTheVendorThrottlesAgainUpToAMinute() {
        long[] pauses = new long[9];
        for (int i = 0; i < pauses.length; i++) {
            Instant now = clock.instant();
            Instant resumeAt = generous.pauseAfterThrottling(Vendor.HUAWEI, "default", API);
            pauses[i] = Duration.between(now, resumeAt).toSeconds();
            clock.set(resumeAt);
        }

        assertThat(pauses).containsExactly(1, 2, 4, 8, 16, 32, 60, 60, 60);
    }

    @Test
    void throttlingOfCallsSentBeforeThePauseBeganDoesNotLengthenIt() {
        Instant first = generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API);
        clock.advance(Duration.ofMillis(500));

        // four more answers to calls that were already on their way when the first was throttled
        for (int i = 0; i < 4; i++) {
            assertThat(generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API)).isEqualTo(first);
        }
        clock.set(first);
        assertThat(generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API))
                .as("throttled again after the pause: twice as long").isEqualTo(first.plusSeconds(2));
    }

    @Test
    void aCallTheVendorAcceptsAfterThePauseStartsTheNextPauseAtOneSecondAgain() {
        Instant resumeAt = generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API);
        clock.set(resumeAt);
        resumeAt = generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API);
        assertThat(resumeAt).isEqualTo(clock.instant().plusSeconds(2));

        // an answer to a call sent before this pause ends nothing
        generous.callAccepted(Vendor.ALIYUN, "default", API);
        assertThat(catchThrowableOfType(VendorException.class, () -> generous.acquire(Vendor.ALIYUN, "default", API)))
                .isNotNull();
        clock.set(resumeAt);
        generous.callAccepted(Vendor.ALIYUN, "default", API);

        assertThat(generous.pauseAfterThrottling(Vendor.ALIYUN, "default", API))
                .isEqualTo(clock.instant().plusSeconds(1));
    }
}
