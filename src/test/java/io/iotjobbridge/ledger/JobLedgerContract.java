package io.iotjobbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;

/**
 * What every ledger database must do the same way: the embedded H2 and PostgreSQL run these exact tests. A subclass
 * supplies a fresh, migrated ledger.
 */
abstract class JobLedgerContract {

    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    final MutableClock clock = new MutableClock(START);

    /** A ledger over an empty database the current migrations were just applied to. */
    abstract JobLedger ledger();

    @Test
    void aRequestIdIsAdmittedOnceWithItsParamsAndOptions() {
        JobLedger.Admission first = ledger().admit("req-1", Vendor.HUAWEI, "default", "ListBatchTasks", "default",
                "{\"task_type\":\"firmwareUpgrade\"}", "{\"exportFinished\":true}");
        JobLedger.Admission again = ledger().admit("req-1", Vendor.HUAWEI, "default", "ListBatchTasks", "default",
                "{}", null);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.job().id());
        JobRecord stored = ledger().findByRequestId("req-1").orElseThrow();
        assertThat(stored.requestJson()).isEqualTo("{\"task_type\":\"firmwareUpgrade\"}");
        assertThat(stored.optionsJson()).isEqualTo("{\"exportFinished\":true}");
        assertThat(stored.state()).isEqualTo(JobState.RECEIVED);
        assertThat(stored.createdAt()).isEqualTo(START);
    }

    @Test
    void aDueJobIsClaimedByOneWorkerUntilItsLeaseEnds() {
        String id = admit("req-2");

        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).containsExactly(id);
        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).containsExactly(id);
    }

    @Test
    void aJobIsNotClaimedBeforeItsNextRunNorAfterItEnded() {
        String waiting = admit("req-3");
        JobRecord job = ledger().find(waiting).orElseThrow();
        ledger().save(job.nextRunAt(START.plus(Duration.ofHours(1)), 0, "quota"), null);
        String done = admit("req-4");
        ledger().save(ledger().find(done).orElseThrow().moveTo(JobState.FAILED, "bad"), "bad");

        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).containsExactly(waiting);
    }

    @Test
    void aSaveBasedOnAnOutdatedVersionIsRefused() {
        String id = admit("req-5");
        JobRecord read = ledger().find(id).orElseThrow();
        ledger().save(read.withVendorJob("v-1").moveTo(JobState.SUBMITTED, null), "created");

        assertThatThrownBy(() -> ledger().save(read.moveTo(JobState.FAILED, "stale"), "stale"))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(ledger().find(id).orElseThrow().state()).isEqualTo(JobState.SUBMITTED);
    }

    @Test
    void everyStateChangeAndDeliveredFileIsRecorded() {
        String id = admit("req-6");
        JobRecord job = ledger().find(id).orElseThrow();
        JobRecord submitted = ledger().save(job.withVendorJob("v-2").moveTo(JobState.SUBMITTED, null), "created");
        clock.advance(Duration.ofSeconds(3));
        ledger().recordFile(id, new DeliveredFile("r-a.csv", "default:r-a.csv", 42, "ab".repeat(32), clock.instant()));
        ledger().save(submitted.moveTo(JobState.DELIVERED, null), "delivered 1 file(s)");

        List<JobTransition> history = ledger().history(id);
        assertThat(history).extracting(JobTransition::state)
                .containsExactly(JobState.RECEIVED, JobState.SUBMITTED, JobState.DELIVERED);
        assertThat(history.get(2).detail()).isEqualTo("delivered 1 file(s)");
        assertThat(ledger().files(id)).singleElement().satisfies(file -> {
            assertThat(file.sizeBytes()).isEqualTo(42);
            assertThat(file.deliveredAt()).isEqualTo(START.plusSeconds(3));
        });
    }

    private String admit(String requestId) {
        return ledger().admit(requestId, Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null).job().id();
    }
}
