package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class NonceRegistryTest {

    private static final Instant NOW = Instant.parse("2025-03-03T04:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(15);

    @Test
    void shouldRefuseANonceSeenBeforeForTheSameAccessKey() {
        NonceRegistry nonces = new NonceRegistry(10);

        assertThat(nonces.register("ak", "n1", NOW.plus(SKEW), NOW)).isEqualTo(NonceRegistry.Outcome.ACCEPTED);
        assertThat(nonces.register("ak", "n1", NOW.plus(SKEW), NOW.plusSeconds(1)))
                .isEqualTo(NonceRegistry.Outcome.REUSED);
        assertThat(nonces.register("other-ak", "n1", NOW.plus(SKEW), NOW)).isEqualTo(NonceRegistry.Outcome.ACCEPTED);
    }

    @Test
    void shouldForgetNoncesOnceTheirTimestampIsOutsideTheSkew() {
        NonceRegistry nonces = new NonceRegistry(10);
        nonces.register("ak", "n1", NOW.plus(SKEW), NOW);
        nonces.register("ak", "n2", NOW.plus(SKEW).plusSeconds(30), NOW);

        nonces.register("ak", "n3", NOW.plus(SKEW.multipliedBy(2)), NOW.plus(SKEW).plusSeconds(1));

        // n1 expired and was dropped; n2 is still inside its window
        assertThat(nonces.size()).isEqualTo(2);
    }

    @Test
    void shouldThrottleWhenFullOfLiveNonces() {
        NonceRegistry nonces = new NonceRegistry(2);
        nonces.register("ak", "n1", NOW.plus(SKEW), NOW);
        nonces.register("ak", "n2", NOW.plus(SKEW), NOW);

        assertThat(nonces.register("ak", "n3", NOW.plus(SKEW), NOW)).isEqualTo(NonceRegistry.Outcome.FULL);
        assertThat(nonces.register("ak", "n3", NOW.plus(SKEW), NOW.plus(SKEW).plusSeconds(1)))
                .isEqualTo(NonceRegistry.Outcome.ACCEPTED);
    }
}
