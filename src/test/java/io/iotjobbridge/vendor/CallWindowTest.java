package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CallWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToTheLimitGoesAtOnceAndTheNextWaitsForTheWindow() {
        CallWindow window = new CallWindow(5, Duration.ofMillis(1_100));

        for (int i = 0; i < 5; i++) {
            assertThat(window.reserve(0, SECOND)).isZero();
        }

        assertThat(window.reserve(0, 2 * SECOND)).isEqualTo(1_100_000_000L);
        assertThat(window.reserve(0, SECOND)).as("too far: nothing reserved").isEqualTo(-1);
        assertThat(window.nextFree(0)).isEqualTo(1_100_000_000L);
    }

    @Test
    void noWindowAnywhereHoldsMoreThanTheLimitWhateverTheArrivals() {
        Random random = new Random(42);
        CallWindow window = new CallWindow(5, Duration.ofSeconds(1));
        List<Long> calls = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 2_000; i++) {
            now += random.nextInt(500_000_000); // 4 calls a second on average, in bursts
            long at = window.reserve(now, 60 * SECOND);
            assertThat(at).isGreaterThanOrEqualTo(now);
            calls.add(at);
        }

        for (int i = 5; i < calls.size(); i++) {
            assertThat(calls.get(i) - calls.get(i - 5)).as("call %d and the 5th before it", i)
                    .isGreaterThanOrEqualTo(SECOND);
        }
        assertThat(calls).as("served in the order they asked").isSorted();
    }
}
