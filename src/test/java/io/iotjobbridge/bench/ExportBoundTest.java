package io.iotjobbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The export bound the benchmark compares its makespan with, on schedules small enough to work out by hand. */
class ExportBoundTest {

    private static ExportBound.Rules rules(long processingMs, long intervalMs, int unfinished, int kept) {
        return new ExportBound.Rules(Duration.ofMillis(processingMs), Duration.ofMillis(intervalMs), unfinished, kept);
    }

    @Test
    void downloads_are_the_bottleneck_when_exports_finish_faster_than_one_per_interval() {
        // 5 exports per 3 s finish faster than one download per 2 s can take them: P + (n-1)·I
        assertThat(ExportBound.lastDownloadStart(100, rules(3_000, 2_000, 5, 50)))
                .isEqualTo(Duration.ofMillis(3_000 + 99 * 2_000));
    }

    @Test
    void exports_are_the_bottleneck_when_few_may_run_at_once() {
        // exports 1-5 finish at 10 s, 6-10 at 20 s; downloads at 10…14, then 20…24
        assertThat(ExportBound.lastDownloadStart(10, rules(10_000, 1_000, 5, 50)))
                .isEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void keeping_only_one_export_makes_each_wait_for_the_previous_download() {
        // without the kept limit all three finish at 10 s (downloads at 10, 11, 12 s); keeping one, each export may
        // start only once the previous file is being fetched
        assertThat(ExportBound.lastDownloadStart(3, rules(10_000, 1_000, 3, 3))).isEqualTo(Duration.ofSeconds(12));
        assertThat(ExportBound.lastDownloadStart(3, rules(10_000, 1_000, 3, 1))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void one_export_needs_only_its_processing_time() {
        assertThat(ExportBound.lastDownloadStart(1, rules(3_000, 30_000, 5, 50))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_run_without_exports_has_no_bound() {
        assertThatThrownBy(() -> ExportBound.lastDownloadStart(0, rules(3_000, 2_000, 5, 50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n (exports) must be at least 1");
        assertThatThrownBy(() -> rules(3_000, 2_000, 0, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unfinished must be at least 1");
    }
}
