package io.iotjobbridge.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.destination.Delivery;
import io.iotjobbridge.destination.Destination;
import io.iotjobbridge.destination.FileNameTemplate;
import io.iotjobbridge.destination.Manifest;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobControl;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.Quota;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine does with each outcome a flow can report: the three vendor error classes, multi-file results
 * after a partial delivery, follow-up requests and the report spool. The flow is scripted; the ledger, the Camel
 * file destination and the spool are real.
 */
class JobEngineTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedFlow flow = new ScriptedFlow();
    private final List<JobRequest> admitted = new ArrayList<>();
    private boolean pushed;
    private HikariDataSource dataSource;
    private CamelContext camel;
    private JobLedger ledger;
    private Spool spool;
    private JobEngine engine;

    @BeforeEach
    void start() throws Exception {
        dataSource = LedgerDataSource.open(LedgerDataSource.embeddedH2Url(dir.resolve("state")), "sa", "", 2);
        ledger = new JobLedger(dataSource, clock);
        camel = new DefaultCamelContext();
        camel.start();
        spool = new Spool(dir.resolve("work"));
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"),
                new FileNameTemplate("{requestId}-{fileName}"));
        EngineSettings settings = new EngineSettings(1, Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofSeconds(60), 1.25, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(5), 3,
                Duration.ofSeconds(30),
                Duration.ofHours(12));
        engine = new JobEngine(ledger, job -> flow, name -> outbox, new Delivery(camel.createProducerTemplate(),
                camel.createConsumerTemplate(), dir.resolve("read-back"), clock),
                spool, this::admitRequest, job -> pushed, settings, clock);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        dataSource.close();
    }

    @Test
    void retryableErrorSchedulesAnotherAttemptWithBackoffAndGivesUpAtTheLimit() {
        String id = admit();
        flow.submitError = VendorException.retryable("Throttling.User", "Request was denied due to user flow control.");

        engine.advance(id);

        // the create may or may not have reached the vendor: the job stays SUBMITTING, to be reconciled
        JobRecord waiting = ledger.find(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.SUBMITTING);
        assertThat(waiting.submitStartedAt()).isEqualTo(START);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextRunAt()).isAfter(START);
        assertThat(waiting.reason()).contains("Throttling.User");

        engine.advance(id);
        engine.advance(id);

        JobRecord failed = ledger.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.reason()).contains("gave up after 3 attempts", "Throttling.User");
    }

    @Test
    void quotaErrorQueuesTheJobUntilTheVendorsReleaseTime() {
        String id = admit();
        Instant release = START.plus(Duration.ofHours(16));
        flow.submitError = VendorException.quota("iot.dap.insight.downloadTaskNumUpperLimit", "3 a day", release);

        engine.advance(id);

        JobRecord queued = ledger.find(id).orElseThrow();
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(queued.nextRunAt()).isEqualTo(release);
        assertThat(queued.reason()).contains("waiting for vendor quota until " + release, "3 a day");
        assertThat(queued.attempts()).isZero();
    }

    @Test
    void permanentErrorFailsTheJobWithTheVendorsCodeAndMessage() {
        String id = admit();
        flow.submitError = VendorException.permanent("iot.common.InvalidFormattedParameter", "JobName is invalid");

        engine.advance(id);

        JobRecord failed = ledger.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.reason()).contains("iot.common.InvalidFormattedParameter", "JobName is invalid");
    }

    @Test
    void aRetriedDeliverySkipsFilesAnEarlierAttemptDelivered() throws Exception {
        String id = admit();
        flow.files = List.of(new Text("first.txt", "one"), new Failing("second.txt"));
        engine.advance(id);
        engine.advance(id);

        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(JobState.DOWNLOADING);
        assertThat(ledger.files(id)).extracting(DeliveredFile::name).containsExactly("r-1-first.txt");

        flow.files = List.of(new Text("first.txt", "one"), new Text("second.txt", "two"));
        engine.advance(id);

        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(JobState.DELIVERED);
        assertThat(ledger.files(id)).extracting(DeliveredFile::name).containsExactly("r-1-first.txt",
                "r-1-second.txt");
        assertThat(Files.readString(dir.resolve("outbox/r-1-second.txt"))).isEqualTo("two");
        JobRecord delivered = ledger.find(id).orElseThrow();
        assertThat(dir.resolve("outbox/r-1-manifest.json")).as("the manifest lists every file, from the ledger")
                .hasBinaryContent(Manifest.of(delivered, ledger.files(id)).toJson());
    }

    @Test
    void aManifestIsNotWrittenBeforeEveryFileIsDelivered() throws Exception {
        String id = admit();
        flow.files = List.of(new Text("first.txt", "one"), new Failing("second.txt"));
        engine.advance(id);
        engine.advance(id);

        assertThat(dir.resolve("outbox/r-1-manifest.json")).doesNotExist();
    }

    @Test
    void followUpsAreAdmittedBeforeTheJobCountsAsDeliveredAndTheSpoolIsCleared() throws Exception {
        String id = admit();
        flow.files = List.of();
        JobRequest followUp = new JobRequest("r-1.export-1", Vendor.HUAWEI, "default", "CreateExportTask",
                JsonNodeFactory.instance.objectNode(), "default");
        flow.followUps = List.of(followUp);
        Path spooled = spool.file(id, "report.jsonl");
        Files.writeString(spooled, "{}");

        engine.advance(id);
        engine.advance(id);

        assertThat(admitted).containsExactly(followUp);
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(JobState.DELIVERED);
        assertThat(ledger.history(id).get(ledger.history(id).size() - 1).detail())
                .contains("started 1 follow-up request(s)");
        assertThat(spooled.getParent()).doesNotExist();
    }

    @Test
    void theTimeoutCountsFromTheJobsScheduledStart() {
        String scheduled = admit();
        flow.startsAt = START.plus(Duration.ofDays(3));
        clock.advance(Duration.ofDays(2));

        engine.advance(scheduled);

        assertThat(ledger.find(scheduled).orElseThrow().state()).isNotEqualTo(JobState.FAILED);

        flow.startsAt = null;
        flow.stillRunning = true;
        String unscheduled = ledger.admit("r-2", Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null)
                .job().id();
        clock.advance(Duration.ofHours(5));
        engine.advance(unscheduled);
        clock.advance(Duration.ofHours(11));

        engine.advance(unscheduled);

        // 16 h after it was received but 11 h after its vendor job was created: not timed out yet
        assertThat(ledger.find(unscheduled).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        clock.advance(Duration.ofHours(2));

        engine.advance(unscheduled);

        assertThat(ledger.find(unscheduled).orElseThrow().reason()).startsWith("timed out: not finished within PT12H");
    }

    @Test
    void anInterruptedSubmitAdoptsTheVendorJobTheVendorFindsInsteadOfCreatingASecond() {
        String id = admit();
        flow.submitError = VendorException.retryable("ReadTimeout", "no answer within 60 s");
        engine.advance(id);
        flow.submitError = null;
        flow.found = "vendor-job-0";
        clock.advance(Duration.ofMinutes(1));

        engine.advance(id);

        JobRecord adopted = ledger.find(id).orElseThrow();
        assertThat(adopted.state()).isEqualTo(JobState.SUBMITTED);
        assertThat(adopted.vendorJobId()).isEqualTo("vendor-job-0");
        assertThat(flow.submits).isEqualTo(1);
        assertThat(flow.lookedUpSince).containsExactly(START);
        assertThat(ledger.history(id).get(ledger.history(id).size() - 1).detail())
                .contains("vendor job vendor-job-0 found: created by the interrupted submit");
    }

    @Test
    void anInterruptedSubmitTheVendorCannotFindIsCreatedAgainOnce() {
        String id = admit();
        flow.submitError = VendorException.retryable("ReadTimeout", "no answer within 60 s");
        engine.advance(id);
        flow.submitError = null;

        engine.advance(id);

        assertThat(ledger.find(id).orElseThrow().vendorJobId()).isEqualTo("vendor-job-1");
        assertThat(flow.submits).isEqualTo(2);
        assertThat(flow.lookedUpSince).hasSize(1);
    }

    @Test
    void aFullQuotaQueuesTheJobSayingWhyAndUntilWhenAndAFreedShareWakesIt() {
        flow.quotas = List.of(new Quota.Unfinished("aliyun:default:download:running", 1, "1 running download"));
        flow.stillRunning = true;
        String first = admit();
        String second = ledger.admit("r-2", Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null).job().id();
        engine.advance(first);

        engine.advance(second);

        JobRecord queued = ledger.find(second).orElseThrow();
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(queued.reason()).isEqualTo("waiting for vendor quota \"1 running download\" until "
                + START.plus(Duration.ofSeconds(30)) + " (1 of 1 running download in use)");
        assertThat(flow.submits).isEqualTo(1);

        flow.stillRunning = false;
        clock.advance(Duration.ofSeconds(5));
        engine.advance(first);

        assertThat(ledger.find(first).orElseThrow().state()).isEqualTo(JobState.DELIVERED);
        assertThat(ledger.find(second).orElseThrow().nextRunAt()).isEqualTo(clock.instant());
        engine.advance(second);
        assertThat(ledger.find(second).orElseThrow().state()).isEqualTo(JobState.SUBMITTED);
        assertThat(flow.submits).isEqualTo(2);
    }

    @Test
    void aSplitJobRunsItsPartsAsJobsAndIsDeliveredWhenEveryPartIs() {
        flow.parts = List.of(part("r-1.part-1-of-2"), part("r-1.part-2-of-2"));
        String whole = admit();

        engine.advance(whole);

        JobRecord split = ledger.find(whole).orElseThrow();
        assertThat(split.state()).isEqualTo(JobState.RUNNING);
        assertThat(split.vendorStatus()).isEqualTo("0 of 2 parts delivered");
        assertThat(flow.submits).isZero();
        String firstPart = ledger.findByRequestId("r-1.part-1-of-2").orElseThrow().id();
        String secondPart = ledger.findByRequestId("r-1.part-2-of-2").orElseThrow().id();
        engine.advance(firstPart);
        engine.advance(firstPart);
        clock.advance(Duration.ofSeconds(2));
        engine.advance(whole);
        assertThat(ledger.find(whole).orElseThrow().vendorStatus()).isEqualTo("1 of 2 parts delivered");
        assertThat(ledger.find(whole).orElseThrow().progress()).isEqualTo(50);

        engine.advance(secondPart);
        engine.advance(secondPart);
        clock.advance(Duration.ofDays(2));
        engine.advance(whole);

        assertThat(ledger.find(whole).orElseThrow().state()).as("a split job never times out on its own")
                .isEqualTo(JobState.DELIVERED);
        assertThat(flow.submits).isEqualTo(2);
    }

    @Test
    void aCancelledPartEndsItsSplitWholeAsAFailedPartDoes() {
        flow.parts = List.of(part("r-1.part-1-of-2"), part("r-1.part-2-of-2"));
        String whole = admit();
        engine.advance(whole);
        String firstPart = ledger.findByRequestId("r-1.part-1-of-2").orElseThrow().id();

        new JobControl(ledger, clock).cancel(firstPart, "cancelled by an operator");
        clock.advance(Duration.ofSeconds(2));
        engine.advance(whole);

        JobRecord failed = ledger.find(whole).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.reason()).contains("part 1 of 2", "was cancelled", "cancelled by an operator");
    }

    @Test
    void anOperatorsCancelDuringAFailingVendorCallStandsAndTheFailureIsNotRecorded() {
        String id = admit();
        flow.duringSubmit = () -> new JobControl(ledger, clock).cancel(id, "cancelled by an operator");
        flow.submitError = VendorException.permanent("iot.common.InvalidFormattedParameter", "JobName is invalid");

        engine.advance(id);

        JobRecord cancelled = ledger.find(id).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("cancelled by an operator");
    }

    @Test
    void anOperatorsCancelDuringASucceedingVendorCallStandsAndTheJobIsNeverClaimedAgain() {
        String id = admit();
        flow.duringSubmit = () -> new JobControl(ledger, clock).cancel(id, "cancelled by an operator");

        engine.advance(id);

        JobRecord cancelled = ledger.find(id).orElseThrow();
        assertThat(cancelled.state()).as("the worker's save of SUBMITTED is refused").isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.vendorJobId()).isNull();
        clock.advance(Duration.ofHours(1));
        assertThat(engine.claimDue()).isEmpty();
    }

    @Test
    void aPushedCompletionGoesStraightToDeliveryWithoutAStatusCheck() {
        flow.stillRunning = true;
        pushed = true;
        String id = admit();
        engine.advance(id);
        engine.advance(id);
        JobRecord running = ledger.find(id).orElseThrow();
        assertThat(running.nextRunAt()).as("only a safety check while pushed")
                .isAfter(clock.instant().plus(Duration.ofMinutes(8)));
        int checks = flow.checks;

        engine.onVendorStatus(Vendor.ALIYUN, "default", "vendor-job-1", new JobStatus.Succeeded("1"));
        engine.onVendorStatus(Vendor.ALIYUN, "default", "vendor-job-1", new JobStatus.Succeeded("1"));

        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(JobState.DOWNLOADING);
        assertThat(ledger.find(id).orElseThrow().nextRunAt()).isEqualTo(clock.instant());
        engine.advance(id);
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(JobState.DELIVERED);
        assertThat(flow.checks).isEqualTo(checks);
    }

    @Test
    void aFileAnInterruptedDeliveryLeftIsAdoptedWhenIdenticalAndNeverOverwrittenWhenNot() throws Exception {
        Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox/r-1-first.txt"), "one");
        Files.writeString(dir.resolve("outbox/r-2-first.txt"), "someone else's");
        flow.files = List.of(new Text("first.txt", "one"));
        String same = admit();
        String different = ledger.admit("r-2", Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null)
                .job().id();

        engine.advance(same);
        engine.advance(same);
        engine.advance(different);
        engine.advance(different);

        assertThat(ledger.find(same).orElseThrow().state()).isEqualTo(JobState.DELIVERED);
        assertThat(ledger.files(same)).singleElement().satisfies(file -> {
            assertThat(file.sizeBytes()).isEqualTo(3);
            // SHA-256 of "one"
            assertThat(file.sha256()).isEqualTo("7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed");
        });
        JobRecord refused = ledger.find(different).orElseThrow();
        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.reason()).contains("a different file already exists at default:r-2-first.txt");
        assertThat(Files.readString(dir.resolve("outbox/r-2-first.txt"))).isEqualTo("someone else's");
    }

    @Test
    void aPushThatOvertakesTheRecordingOfItsJobIsRefusedSoItComesAgain() {
        String id = admit();
        flow.submitError = VendorException.retryable("ReadTimeout", "no answer within 60 s");
        engine.advance(id);
        // a job of an operation whose status is never pushed cannot be the one a push is about
        engine.onVendorStatus(Vendor.ALIYUN, "default", "vendor-job-9", new JobStatus.Succeeded("1"));
        flow.pushesStatus = true;

        assertThatThrownBy(() -> engine.onVendorStatus(Vendor.ALIYUN, "default", "vendor-job-9",
                new JobStatus.Succeeded("1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vendor job vendor-job-9");
        // with nothing being submitted, a status for a job the bridge does not follow is simply not for it
        engine.onVendorStatus(Vendor.ALIYUN, "other", "vendor-job-9", new JobStatus.Succeeded("1"));
    }

    private JobRequest part(String requestId) {
        return new JobRequest(requestId, Vendor.ALIYUN, "default", "CreateJob", JsonNodeFactory.instance.objectNode(),
                "default");
    }

    private void admitRequest(JobRequest request, String parentJobId) {
        admitted.add(request);
        ledger.admit(request.id(), request.vendor(), request.account(), request.operation(), request.destination(),
                request.params().toString(), null);
    }

    private String admit() {
        return ledger.admit("r-1", Vendor.ALIYUN, "default", "CreateJob", "default", "{}", null).job().id();
    }

    /** A flow whose answers the test sets: submit fails or succeeds, the job is done at once. */
    private static final class ScriptedFlow implements JobFlow {
        VendorException submitError;
        List<ResultFile> files = List.of();
        List<JobRequest> followUps = List.of();
        Instant startsAt;
        boolean stillRunning;
        boolean pushesStatus;
        String found;
        /** Runs while the worker waits on the vendor's answer to the create, e.g. an operator's cancel. */
        Runnable duringSubmit = () -> { };
        List<Quota> quotas = List.of();
        List<JobRequest> parts = List.of();
        final List<Instant> lookedUpSince = new ArrayList<>();
        int submits;
        int checks;

        @Override
        public Optional<String> findSubmitted(JobRecord job, Instant sentAfter) {
            lookedUpSince.add(sentAfter);
            return Optional.ofNullable(found);
        }

        @Override
        public boolean statusIsPushed() {
            return pushesStatus;
        }

        @Override
        public List<Quota> quotas(JobRecord job) {
            return quotas;
        }

        @Override
        public List<JobRequest> parts(JobRecord job) {
            return job.requestId().contains(".part-") ? List.of() : parts;
        }

        @Override
        public Instant startsAt(JobRecord job) {
            return startsAt == null ? JobFlow.super.startsAt(job) : startsAt;
        }

        @Override
        public String submit(JobRecord job) throws VendorException {
            submits++;
            duringSubmit.run();
            if (submitError != null) {
                throw submitError;
            }
            return "vendor-job-1";
        }

        @Override
        public JobStatus check(JobRecord job) {
            checks++;
            return stillRunning ? new JobStatus.Running("IN_PROGRESS", null) : new JobStatus.Succeeded("done");
        }

        @Override
        public List<ResultFile> resultFiles(JobRecord job) {
            return files;
        }

        @Override
        public List<JobRequest> followUps(JobRecord job) {
            return followUps;
        }
    }

    private record Text(String fileName, String content) implements ResultFile {
        @Override
        public ResultContent open() {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            return new ResultContent(new ByteArrayInputStream(bytes), bytes.length);
        }
    }

    private record Failing(String fileName) implements ResultFile {
        @Override
        public ResultContent open() throws VendorException {
            throw VendorException.retryable("DownloadRefused", "HTTP 503 downloading from oss");
        }
    }
}
