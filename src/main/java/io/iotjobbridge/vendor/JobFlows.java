package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.aliyun.AliyunClient;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.aliyun.DeviceJobFlow;
import io.iotjobbridge.vendor.aliyun.DistributeJobFlow;
import io.iotjobbridge.vendor.aliyun.DownloadDataFlow;
import io.iotjobbridge.vendor.huawei.BatchTaskListFlow;
import io.iotjobbridge.vendor.huawei.ExportTaskFlow;
import io.iotjobbridge.vendor.huawei.HuaweiClient;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * Finds the flow that drives a job: by vendor and operation, with a client for the job's account and, where one
 * vendor list call answers for many jobs, the account's {@link StatusSweep} for that operation.
 */
public final class JobFlows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long a check waits for another job's list call to the same listing before it lists for itself. A sweep is
     * a page or two; one taking longer is held up by the call budget, whose own wait is bounded the same way.
     */
    private static final Duration SWEEP_MAX_WAIT = Duration.ofSeconds(30);

    private final Accounts accounts;
    private final HttpTransport http;
    private final Spool spool;
    private final CallBudget budget;
    private final CallSlots downloadTurns;
    private final Duration sweepMaxAge;
    private final VendorCallObserver observer;
    private final Clock clock;
    private final Map<String, AliyunClient> aliyunClients = new ConcurrentHashMap<>();
    private final Map<String, HuaweiClient> huaweiClients = new ConcurrentHashMap<>();
    private final Map<String, StatusSweep<JobStatus>> sweeps = new ConcurrentHashMap<>();

    /**
     * @param sweepMaxAge how long one list call's statuses answer for the other jobs on it; below the engine's
     *                    shortest gap between two checks of a job, so each check sees something newer than the last
     */
    public JobFlows(Accounts accounts, HttpTransport http, Spool spool, CallBudget budget, CallSlots downloadTurns,
                    Duration sweepMaxAge, Clock clock) {
        this(accounts, http, spool, budget, downloadTurns, sweepMaxAge, VendorCallObserver.NONE, clock);
    }

    /** @param observer hears of every call the accounts' clients make */
    public JobFlows(Accounts accounts, HttpTransport http, Spool spool, CallBudget budget, CallSlots downloadTurns,
                    Duration sweepMaxAge, VendorCallObserver observer, Clock clock) {
        this.observer = observer;
        this.accounts = accounts;
        this.http = http;
        this.spool = spool;
        this.budget = budget;
        this.downloadTurns = downloadTurns;
        this.sweepMaxAge = sweepMaxAge;
        this.clock = clock;
    }

    public JobFlow forJob(JobRecord job) {
        if (job.vendor() == Vendor.ALIYUN
                && AliyunOperations.CREATE_DOWNLOAD_DATA_JOB.name().equals(job.operation())) {
            return new DownloadDataFlow(aliyun(job.account()), JobFlows::params);
        }
        if (job.vendor() == Vendor.ALIYUN && AliyunOperations.CREATE_JOB.name().equals(job.operation())) {
            return new DeviceJobFlow(aliyun(job.account()), JobFlows::params, spool);
        }
        if (job.vendor() == Vendor.ALIYUN
                && AliyunOperations.QUERY_DEVICE_DISTRIBUTE_JOB.name().equals(job.operation())) {
            return new DistributeJobFlow(aliyun(job.account()), JobFlows::params, sweep(job));
        }
        if (job.vendor() == Vendor.HUAWEI && HuaweiOperations.CREATE_EXPORT_TASK.name().equals(job.operation())) {
            return new ExportTaskFlow(huawei(job.account()), spool, sweep(job));
        }
        if (job.vendor() == Vendor.HUAWEI && HuaweiOperations.LIST_BATCH_TASKS.name().equals(job.operation())) {
            return new BatchTaskListFlow(huawei(job.account()), spool, sweep(job));
        }
        // the validator admits only supported operations, so this means the configuration changed under a job
        throw new IllegalStateException("no flow for " + job.vendor() + " " + job.operation());
    }

    private AliyunClient aliyun(String account) {
        return aliyunClients.computeIfAbsent(account, name -> {
            AliyunAccount profile = accounts.aliyun(name).orElseThrow(() -> new IllegalStateException(
                    "account '" + name + "' is no longer configured for aliyun"));
            return new AliyunClient(profile, http, budget, observer, clock);
        });
    }

    private HuaweiClient huawei(String account) {
        return huaweiClients.computeIfAbsent(account, name -> {
            HuaweiAccount profile = accounts.huawei(name).orElseThrow(() -> new IllegalStateException(
                    "account '" + name + "' is no longer configured for huawei"));
            return new HuaweiClient(profile, http, budget, downloadTurns, observer, clock);
        });
    }

    /** The statuses one vendor list call showed, shared by the jobs of the same account and operation. */
    private StatusSweep<JobStatus> sweep(JobRecord job) {
        return sweeps.computeIfAbsent(job.vendor() + ":" + job.account() + ":" + job.operation(),
                key -> new StatusSweep<>(sweepMaxAge, SWEEP_MAX_WAIT, clock));
    }

    /** The request's vendor parameters, as the ledger keeps them. */
    public static ObjectNode params(JobRecord job) {
        return readObject(job.requestJson(), job, "parameters");
    }

    /** The request's bridge options; empty when it gave none. */
    public static ObjectNode options(JobRecord job) {
        return job.optionsJson() == null ? JSON.createObjectNode() : readObject(job.optionsJson(), job, "options");
    }

    private static ObjectNode readObject(String json, JobRecord job, String what) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("job " + job.id() + " has unreadable " + what + " in the ledger", e);
        }
    }
}
