package io.iotjobbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.vendor.CallSlots;
import io.iotjobbridge.vendor.Quota;
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

    /** The database under {@link #ledger()}, for the ledger's other stores. */
    abstract DataSource dataSource();

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

    @Test
    void anUnfinishedQuotaAdmitsUpToItsLimitAndWakesTheWaitingWhenAShareFrees() {
        Quota running = new Quota.Unfinished("aliyun:default:download:running", 1, "1 running download");
        JobRecord first = ledger().find(admit("req-q1")).orElseThrow();
        JobRecord second = ledger().find(admit("req-q2")).orElseThrow();

        JobLedger.SubmitStart started = ledger().startSubmit(first, List.of(running), Duration.ofMinutes(1));
        JobLedger.SubmitStart refused = ledger().startSubmit(second, List.of(running), Duration.ofMinutes(1));

        assertThat(started.isStarted()).isTrue();
        assertThat(started.started().state()).isEqualTo(JobState.SUBMITTING);
        assertThat(started.started().submitStartedAt()).isEqualTo(START);
        assertThat(refused.isStarted()).isFalse();
        assertThat(refused.quotaWait().reason()).isEqualTo("1 of 1 running download in use");
        JobRecord queued = ledger().queue(second, refused.quotaWait(), "waiting");
        assertThat(queued.nextRunAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        JobRecord created = ledger().save(started.started().withVendorJob("v-1").moveTo(JobState.SUBMITTED, null), "");
        assertThat(ledger().find(queued.id()).orElseThrow().nextRunAt()).as("still waiting").isAfter(START);
        ledger().save(created.moveTo(JobState.DOWNLOADING, null), "vendor done");

        assertThat(ledger().find(queued.id()).orElseThrow().nextRunAt()).as("woken").isEqualTo(START);
        assertThat(ledger().startSubmit(ledger().find(queued.id()).orElseThrow(), List.of(running),
                Duration.ofMinutes(1)).isStarted()).isTrue();
    }

    @Test
    void aDailyQuotaWaitsForTheNextDayInTheVendorsZoneAndARefusedCreateGivesItsShareBack() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Quota daily = new Quota.PerDay("aliyun:default:download:daily", 2, shanghai, "2 downloads a day");
        JobRecord a = ledger().startSubmit(ledger().find(admit("req-d1")).orElseThrow(), List.of(daily),
                Duration.ofMinutes(1)).started();
        JobRecord b = ledger().startSubmit(ledger().find(admit("req-d2")).orElseThrow(), List.of(daily),
                Duration.ofMinutes(1)).started();
        JobRecord c = ledger().find(admit("req-d3")).orElseThrow();

        JobLedger.SubmitStart third = ledger().startSubmit(c, List.of(daily), Duration.ofMinutes(1));

        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(third.quotaWait().until()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(third.quotaWait().reason()).isEqualTo("2 of 2 downloads a day used on 2026-11-23 (Asia/Shanghai)");

        ledger().save(b.moveTo(JobState.QUEUED, "the vendor refused the create"), "refused");

        assertThat(ledger().startSubmit(c, List.of(daily), Duration.ofMinutes(1)).isStarted()).isTrue();
    }

    @Test
    void aRetainedQuotaNeverEvictsAResultStillNeeded() {
        Quota kept = new Quota.Retained("huawei:default:export:kept", 3, "3 exports kept");
        JobRecord needed = ledger().startSubmit(ledger().find(admit("req-r1")).orElseThrow(), List.of(kept),
                Duration.ofMinutes(1)).started();
        for (String request : List.of("req-r2", "req-r3")) {
            clock.advance(Duration.ofSeconds(1));
            JobRecord done = ledger().startSubmit(ledger().find(admit(request)).orElseThrow(), List.of(kept),
                    Duration.ofMinutes(1)).started();
            ledger().save(done.withVendorJob("v-" + request).moveTo(JobState.DELIVERED, null), "delivered");
        }
        JobRecord next = ledger().find(admit("req-r4")).orElseThrow();

        assertThat(ledger().startSubmit(next, List.of(kept), Duration.ofMinutes(1)).isStarted()).isFalse();

        ledger().save(needed.withVendorJob("v-1").moveTo(JobState.DELIVERED, null), "delivered");
        assertThat(ledger().startSubmit(next, List.of(kept), Duration.ofMinutes(1)).isStarted()).isTrue();
    }

    @Test
    void concurrentSubmitsNeverTakeMoreSharesThanTheQuotaHas() throws Exception {
        Quota unfinished = new Quota.Unfinished("huawei:default:export:unfinished", 2, "2 unfinished exports");
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(ledger().find(admit("req-c" + i)).orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (JobRecord job : jobs) {
                outcomes.add(pool.submit(() -> ledger().startSubmit(job, List.of(unfinished), Duration.ofMinutes(1))
                        .isStarted()));
            }
            long started = 0;
            for (Future<Boolean> outcome : outcomes) {
                started += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(started).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void downloadTurnsComeOneIntervalApartAndAreKeptForTheirHolders() {
        CallSlots turns = new LedgerCallSlots(dataSource(), clock);
        Duration interval = Duration.ofSeconds(30);

        assertThat(turns.take("k", "export-a", interval)).isEqualTo(START);
        assertThat(turns.take("k", "export-b", interval)).isEqualTo(START.plusSeconds(30));
        assertThat(turns.take("k", "export-c", interval)).isEqualTo(START.plusSeconds(60));
        assertThat(turns.take("other", "export-d", interval)).as("keys are independent").isEqualTo(START);

        clock.advance(Duration.ofSeconds(30));
        assertThat(turns.take("k", "export-c", interval)).as("not b's turn").isEqualTo(START.plusSeconds(60));
        clock.advance(Duration.ofSeconds(5));
        assertThat(turns.take("k", "export-b", interval)).as("b comes late and goes").isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(25));
        assertThat(turns.take("k", "export-c", interval)).as("never closer than the interval to the last use")
                .isEqualTo(START.plusSeconds(65));
    }

    @Test
    void twoNodesNeverTakeTheSameTurn() throws Exception {
        CallSlots nodeA = new LedgerCallSlots(dataSource(), clock);
        CallSlots nodeB = new LedgerCallSlots(dataSource(), clock);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Instant>> turns = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CallSlots node = i % 2 == 0 ? nodeA : nodeB;
                String holder = "export-" + i;
                turns.add(pool.submit(() -> node.take("k", holder, Duration.ofSeconds(30))));
            }
            List<Instant> taken = new ArrayList<>();
            for (Future<Instant> turn : turns) {
                taken.add(turn.get(30, TimeUnit.SECONDS));
            }
            assertThat(taken).containsExactlyInAnyOrder(START, START.plusSeconds(30), START.plusSeconds(60),
                    START.plusSeconds(90), START.plusSeconds(120), START.plusSeconds(150));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRestartedNodeTakesBackItsOwnLeasesButNotAnotherNodes() {
        JobLedger nodeA = new JobLedger(dataSource(), clock, "node-a");
        JobLedger nodeB = new JobLedger(dataSource(), clock, "node-b");
        String mine = admit("req-l1");
        assertThat(nodeA.claimDue(10, Duration.ofMinutes(5))).containsExactly(mine);
        String theirs = admit("req-l2");
        assertThat(nodeB.claimDue(10, Duration.ofMinutes(5))).containsExactly(theirs);

        JobLedger restartedA = new JobLedger(dataSource(), clock, "node-a");

        assertThat(restartedA.releaseOwnLeases()).isEqualTo(1);
        assertThat(restartedA.claimDue(10, Duration.ofMinutes(5))).containsExactly(mine);
    }

    @Test
    void aCreateThatMayReachTheVendorAfterTheOldestNeededOneCountsAgainstTheRetainedQuota() {
        Quota kept = new Quota.Retained("huawei:default:export:kept", 2, "2 exports kept");
        JobRecord slow = ledger().startSubmit(ledger().find(admit("req-o1")).orElseThrow(), List.of(kept),
                Duration.ofMinutes(1)).started();
        clock.advance(Duration.ofSeconds(1));
        JobRecord needed = ledger().startSubmit(ledger().find(admit("req-o2")).orElseThrow(), List.of(kept),
                Duration.ofMinutes(1)).started();
        ledger().save(needed.withVendorJob("v-2").moveTo(JobState.SUBMITTED, null), "created");
        clock.advance(Duration.ofSeconds(1));
        // the create begun first was answered last: at the vendor it may be the newer one, and delivered since
        JobRecord created = ledger().save(slow.withVendorJob("v-1").moveTo(JobState.SUBMITTED, null), "created");
        ledger().save(created.moveTo(JobState.DELIVERED, null), "delivered");

        assertThat(ledger().startSubmit(ledger().find(admit("req-o3")).orElseThrow(), List.of(kept),
                Duration.ofMinutes(1)).isStarted()).as("the vendor may already hold 2 since the needed one").isFalse();
    }

    @Test
    void everyTransitionIsPublishedOnceInOrderWithTheJobAsItWasThen() throws Exception {
        EventOutbox outbox = new EventOutbox(dataSource(), clock);
        String id = admit("req-e1");
        JobRecord job = ledger().find(id).orElseThrow();
        JobRecord submitted = ledger().save(job.withVendorJob("v-1").moveTo(JobState.SUBMITTED, null), "created");
        ledger().save(submitted.withVendorStatus("RUNNING", 40).moveTo(JobState.RUNNING, null), "running");
        List<EventOutbox.PendingEvent> published = new ArrayList<>();

        assertThat(outbox.publishPending(10, published::add)).isEqualTo(3);
        assertThat(outbox.publishPending(10, published::add)).as("nothing twice").isZero();

        assertThat(published).extracting(EventOutbox.PendingEvent::state)
                .containsExactly(JobState.RECEIVED, JobState.SUBMITTED, JobState.RUNNING);
        assertThat(published).extracting(EventOutbox.PendingEvent::vendorJobId).containsExactly(null, "v-1", "v-1");
        assertThat(published.get(2).progress()).isEqualTo(40);
        assertThat(published).extracting(EventOutbox.PendingEvent::jobId).containsOnly(id);
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void anEventWhosePublicationFailsIsPublishedAgainAndTheOnesAfterItWait() throws Exception {
        EventOutbox outbox = new EventOutbox(dataSource(), clock);
        admit("req-e2");
        admit("req-e3");
        admit("req-e4");
        List<String> published = new ArrayList<>();

        assertThatThrownBy(() -> outbox.publishPending(10, event -> {
            if (published.size() == 1) {
                throw new IllegalStateException("broker down");
            }
            published.add(event.jobId());
        })).hasMessage("broker down");
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.publishPending(10, event -> published.add(event.jobId()))).isEqualTo(2);

        assertThat(published).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aReplyAddressIsKeptOncePerAskerAndCorrelation() {
        EventOutbox outbox = new EventOutbox(dataSource(), clock);
        String id = admit("req-e5");

        outbox.addReply(id, new EventOutbox.Reply("queue:replies", "c-1"));
        outbox.addReply(id, new EventOutbox.Reply("queue:replies", "c-1"));
        outbox.addReply(id, new EventOutbox.Reply("queue:replies", "c-2"));

        assertThat(outbox.replies(id)).containsExactly(new EventOutbox.Reply("queue:replies", "c-1"),
                new EventOutbox.Reply("queue:replies", "c-2"));
    }

    @Test
    void anOperatorsCancelEndsAnUnfinishedJobForGoodButNotAnEndedOne() {
        String id = admit("req-cancel");
        JobControl control = new JobControl(ledger(), clock);

        JobControl.Change cancelled = control.cancel(id, "cancelled by an operator").orElseThrow();
        JobControl.Change again = control.cancel(id, "twice").orElseThrow();

        assertThat(cancelled.applied()).isTrue();
        assertThat(cancelled.job().state()).isEqualTo(JobState.CANCELLED);
        assertThat(again.applied()).isFalse();
        assertThat(again.job().reason()).isEqualTo("cancelled by an operator");
        assertThat(ledger().history(id)).last().extracting(JobTransition::state, JobTransition::detail)
                .containsExactly(JobState.CANCELLED, "cancelled by an operator");
        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).as("never picked up again").isEmpty();
        assertThat(control.cancel("no-such-job", "why")).isEmpty();
    }

    @Test
    void anOperatorsRetryStartsAFailedJobAfreshAndKeepsItsDeliveredFilesAsHistory() {
        String id = admit("req-retry");
        JobRecord running = ledger().save(ledger().find(id).orElseThrow().withVendorJob("vj-1")
                .moveTo(JobState.RUNNING, null).withVendorStatus("IN_PROGRESS", 40), null);
        ledger().recordFile(id, new DeliveredFile("part.csv", "default:part.csv", 7, "cd".repeat(32), START));
        ledger().save(running.nextRunAt(START, 3, null).moveTo(JobState.FAILED, "vendor said no"), "vendor said no");
        clock.advance(Duration.ofMinutes(10));
        JobControl control = new JobControl(ledger(), clock);

        JobControl.Change retried = control.retry(id).orElseThrow();

        assertThat(retried.applied()).isTrue();
        JobRecord fresh = retried.job();
        assertThat(fresh.state()).isEqualTo(JobState.RECEIVED);
        assertThat(fresh.vendorJobId()).isNull();
        assertThat(fresh.vendorStatus()).isNull();
        assertThat(fresh.progress()).isNull();
        assertThat(fresh.reason()).isNull();
        assertThat(fresh.attempts()).isZero();
        assertThat(fresh.submitStartedAt()).isNull();
        assertThat(fresh.nextRunAt()).isEqualTo(clock.instant());
        assertThat(ledger().files(id)).extracting(DeliveredFile::name).containsExactly("part.csv");
        assertThat(ledger().history(id)).last().extracting(JobTransition::state, JobTransition::detail)
                .containsExactly(JobState.RECEIVED, "retried by an operator");
        assertThat(ledger().claimDue(10, Duration.ofMinutes(5))).containsExactly(id);
        assertThat(control.retry(id).orElseThrow().applied()).as("a RECEIVED job is not retried").isFalse();
    }

    private String admit(String requestId) {
        return ledger().admit(requestId, Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null).job().id();
    }
}
