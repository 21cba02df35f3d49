package io.iotjobbridge.sandbox.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.iotjobbridge.sandbox.huawei.BatchTimeline.BatchProgress;
import org.junit.jupiter.api.Test;

/** The batch task timeline as a pure function of the clock. */
class BatchTimelineTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");
    private static final BatchTimeline TEN_SECONDS = new BatchTimeline(Duration.ofSeconds(10));

    @Test
    void shouldSpendATenthInitializingATenthWaitingAndTheRestProcessing() {
        BatchTask task = task(50, 0);

        assertThat(statusAt(task, 0)).isEqualTo(BatchStatus.INITIALIZING);
        assertThat(statusAt(task, 999)).isEqualTo(BatchStatus.INITIALIZING);
        assertThat(statusAt(task, 1_000)).isEqualTo(BatchStatus.WAITTING);
        assertThat(statusAt(task, 2_000)).isEqualTo(BatchStatus.PROCESSING);
        assertThat(statusAt(task, 9_999)).isEqualTo(BatchStatus.PROCESSING);
        assertThat(statusAt(task, 10_000)).isEqualTo(BatchStatus.SUCCESS);
    }

    @Test
    void shouldEndByHowManyDevicesFailed() {
        assertThat(statusAt(task(40, 0), 10_000)).isEqualTo(BatchStatus.SUCCESS);
        assertThat(statusAt(task(40, 100), 10_000)).isEqualTo(BatchStatus.FAIL);
        assertThat(statusAt(task(400, 5), 10_000)).isEqualTo(BatchStatus.PARTIAL_SUCCESS);
    }

    @Test
    void shouldKeepEveryDeviceCountedOnce() {
        BatchTask task = task(400, 5);
        for (long ms = 0; ms <= 10_000; ms += 250) {
            BatchProgress p = TEN_SECONDS.progressAt(task, CREATED.plusMillis(ms));
            assertThat(p.success() + p.fail() + p.processing() + p.waitting()).isEqualTo(400);
        }
    }

    @Test
    void shouldMatchDeviceStatusesToTheCounts() {
        BatchTask task = task(400, 5);
        BatchProgress p = TEN_SECONDS.progressAt(task, CREATED.plusMillis(6_000));

        List<String> statuses = IntStream.range(0, 400)
                .mapToObj(i -> TEN_SECONDS.deviceStatusAt(task, i, p)).toList();

        assertThat(statuses.stream().filter("Success"::equals).count()).isEqualTo(p.success());
        assertThat(statuses.stream().filter("Fail"::equals).count()).isEqualTo(p.fail());
        assertThat(statuses.stream().filter("Processing"::equals).count()).isEqualTo(p.processing()).isEqualTo(40);
        assertThat(statuses.stream().filter("Waitting"::equals).count()).isEqualTo(p.waitting());
    }

    @Test
    void shouldFinishAtOnceWithAZeroDuration() {
        BatchProgress p = new BatchTimeline(Duration.ZERO).progressAt(task(3, 0), CREATED);

        assertThat(p.status()).isEqualTo(BatchStatus.SUCCESS);
        assertThat(p.success()).isEqualTo(3);
    }

    @Test
    void shouldFailTheSameDevicesEveryTime() {
        BatchTask once = task(1_000, 5);
        BatchTask again = task(1_000, 5);

        assertThat(once.failuresAmongFirst(1_000)).isEqualTo(again.failuresAmongFirst(1_000)).isBetween(20, 80);
    }

    private static BatchStatus statusAt(BatchTask task, long ms) {
        return TEN_SECONDS.progressAt(task, CREATED.plusMillis(ms)).status();
    }

    private static BatchTask task(int devices, int failurePercent) {
        BatchTask.Spec spec = new BatchTask.Spec("t", BatchTaskType.CREATE_COMMANDS, null, null, null, null, null,
                null);
        return new BatchTask("aa649c320000000000000001", spec, new SyntheticDeviceIds("dev-", devices), false,
                CREATED, failurePercent);
    }
}
