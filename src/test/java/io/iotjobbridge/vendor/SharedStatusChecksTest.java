package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.LoopbackTransport;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.SeededDistributeJobs;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.vendor.huawei.HuaweiClient;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many jobs of one account in flight, checked together as the engine's workers check them (a new flow per check,
 * from {@link JobFlows}, on several threads at once): the sandbox counts how many list calls that cost.
 */
class SharedStatusChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AK = "sweep-ak";
    private static final Secret SECRET = Secret.of("sweep-secret");
    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    /** The engine's default first poll interval; statuses are shared for half of it. */
    private static final Duration POLL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private VendorSandbox sandbox;
    private LoopbackTransport http;
    private JobFlows flows;

    @BeforeEach
    void start() {
        SandboxSettings defaults = SandboxSettings.defaults();
        // room for 20 unfinished exports (IoTDA allows 5; the bridge's quotas are not what this test is about)
        sandbox = VendorSandbox.start(defaults.withCredential(AK, SECRET)
                .withHuawei(defaults.huawei().withExportLimits(100, 100)), clock);
        http = new LoopbackTransport(sandbox.baseUrl());
        Accounts accounts = new Accounts(key -> Optional.empty(), () -> Optional.of(aliyunAccount()),
                () -> Optional.of(huaweiAccount()));
        flows = new JobFlows(accounts, http, new Spool(dir), budget(), new LocalCallSlots(clock), POLL.dividedBy(2),
                clock);
    }

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        http.close();
        sandbox.close();
    }

    @Test
    void twentyExportsCheckedTogetherCostOneListCallPerRound() throws Exception {
        List<JobRecord> exports = new ArrayList<>();
        for (String taskId : batchTasks(20)) {
            exports.add(submit(Vendor.HUAWEI, "CreateExportTask", exportOf(taskId)));
        }
        int rounds = 3;
        List<JobStatus> last = List.of();

        for (int round = 0; round < rounds; round++) {
            clock.advance(POLL);
            last = checkAllAtOnce(exports);
        }

        int checks = rounds * exports.size();
        // one sweep per round: a page holds 50 exports, so the 20 fit on one and every check of the round reads it
        long perRound = (exports.size() + HuaweiOperations.MAX_PAGE_SIZE - 1) / HuaweiOperations.MAX_PAGE_SIZE;
        assertThat(sandbox.stats().callsOf("ListExportTasks")).as("list calls for %d checks", checks)
                .isLessThanOrEqualTo(rounds * perRound);
        assertThat(last).as("every export found, finished after 6 s").hasSize(20)
                .allSatisfy(status -> assertThat(status).isEqualTo(new JobStatus.Succeeded("Success")));
    }

    @Test
    void distributionWatchesCheckedTogetherShareOneListPage() throws Exception {
        List<JobRecord> watches = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (String jobId : List.of(SeededDistributeJobs.SEEDED_RUNNING, SeededDistributeJobs.SEEDED_FINISHED,
                    SeededDistributeJobs.SEEDED_ABORTED)) {
                watches.add(submit(Vendor.ALIYUN, "QueryDeviceDistributeJob",
                        JSON.createObjectNode().put("JobId", jobId)));
            }
        }
        long queriesToSubmit = sandbox.stats().callsOf("QueryDeviceDistributeJob");
        clock.advance(POLL);

        List<JobStatus> statuses = checkAllAtOnce(watches);

        assertThat(statuses).filteredOn(JobStatus.Running.class::isInstance).hasSize(3);
        assertThat(sandbox.stats().callsOf("ListDeviceDistributeJob")).isEqualTo(1);
        assertThat(sandbox.stats().callsOf("QueryDeviceDistributeJob")).isEqualTo(queriesToSubmit);
    }

    /** Every job's check started at the same time on the worker pool, as a tick of the engine claims them. */
    private List<JobStatus> checkAllAtOnce(List<JobRecord> jobs) throws Exception {
        List<Future<JobStatus>> checks = new ArrayList<>();
        for (JobRecord job : jobs) {
            checks.add(workers.submit(() -> flows.forJob(job).check(job)));
        }
        List<JobStatus> statuses = new ArrayList<>();
        for (Future<JobStatus> check : checks) {
            statuses.add(check.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private JobRecord submit(Vendor vendor, String operation, ObjectNode params) throws VendorException {
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), "req-" + UUID.randomUUID(), vendor, "default",
                operation, "default", params.toString(), null, JobState.RECEIVED, null, null, null, null, 0, START,
                START, START, 0);
        return job.withVendorJob(flows.forJob(job).submit(job)).moveTo(JobState.SUBMITTED, null);
    }

    /** Distinct batch task ids of the account; an export may be made of any of them. */
    private List<String> batchTasks(int count) throws VendorException {
        HuaweiClient client = new HuaweiClient(huaweiAccount(), http, budget(), clock);
        List<String> ids = new ArrayList<>();
        client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(),
                        JSON.createObjectNode().put("task_type", "firmwareUpgrade").put("limit", count))
                .path("batchtasks").forEach(task -> ids.add(task.path("task_id").asText()));
        assertThat(ids).hasSize(count);
        return ids;
    }

    private static ObjectNode exportOf(String taskId) {
        ObjectNode params = JSON.createObjectNode().put("resource_type", "BatchTask");
        params.putObject("resource_condition").put("task_id", taskId);
        return params.put("export_format", "xls");
    }

    private CallBudget budget() {
        return new CallBudget(Map.of(), 1_000, Duration.ofSeconds(5), clock);
    }

    private AliyunAccount aliyunAccount() {
        return new AliyunAccount("default", sandbox.baseUrl(), AK, SECRET, "cn-shanghai", List.of());
    }

    private HuaweiAccount huaweiAccount() {
        return new HuaweiAccount("default", sandbox.baseUrl(), AK, SECRET, "project-1", "cn-north-4",
                Optional.empty());
    }
}
