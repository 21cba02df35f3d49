package io.iotjobbridge.vendor.huawei;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.JobFlow;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.LocalFile;
import io.iotjobbridge.vendor.Quota;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.StatusSweep;
import io.iotjobbridge.vendor.SubmitWindow;
import io.iotjobbridge.vendor.VendorException;

/**
 * Huawei's export of one batch task: CreateExportTask, then ListExportTasks until the task is {@code Success} (there
 * is no JSON view of a single export task), then its file, a ZIP of spreadsheets. IoTDA lets a user download an
 * export file once per 30 s, so the ZIP is downloaded once into the job's spool folder and every later delivery
 * attempt reuses it; with option {@code extractEntries} its entries are delivered too, unpacked safely.
 *
 * <p>Files are named {@code export_<export_task_id>.zip} and, for entries, as inside the ZIP (made safe and unique);
 * the destination's template adds the request id ({@code <requestId>-<name>} by default).
 */
public final class ExportTaskFlow implements JobFlow {

    static final String PROCESSING = "Processing";
    static final String SUCCESS = "Success";
    static final String FAILED = "Failed";

    private static final String SPOOLED_ZIP = "export.zip";
    private static final Pattern HEX_24 = Pattern.compile("[0-9a-f]{24}");
    /** 50 tasks are kept, so two pages hold them all; the cap only stops a vendor that pages for ever. */
    private static final int MAX_PAGES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTING = HuaweiOperations.LIST_EXPORT_TASKS.name();

    private final HuaweiClient client;
    private final Spool spool;
    private final StatusSweep<JobStatus> sweep;
    private final SafeZipExtractor extractor;

    /** @param sweep the latest export statuses of the client's account, shared by every export job of it */
    public ExportTaskFlow(HuaweiClient client, Spool spool, StatusSweep<JobStatus> sweep) {
        this(client, spool, sweep, new SafeZipExtractor(SafeZipExtractor.Limits.DEFAULT));
    }

    ExportTaskFlow(HuaweiClient client, Spool spool, StatusSweep<JobStatus> sweep, SafeZipExtractor extractor) {
        this.client = client;
        this.spool = spool;
        this.sweep = sweep;
        this.extractor = extractor;
    }

    @Override
    public String submit(JobRecord job) throws VendorException {
        JsonNode created = client.call(HuaweiOperations.CREATE_EXPORT_TASK, Map.of(), JobFlows.params(job));
        String exportTaskId = created.path("export_task_id").asText("");
        if (exportTaskId.isBlank()) {
            throw VendorException.retryable("MalformedResponse", "CreateExportTask returned no export_task_id");
        }
        return exportTaskId;
    }

    /**
     * IoTDA's per-user limits: unfinished export tasks ({@code huawei:<user>:export:unfinished}) and export tasks
     * kept ({@code huawei:<user>:export:kept}, so a new export never evicts one whose file is not fetched yet).
     */
    @Override
    public List<Quota> quotas(JobRecord job) {
        HuaweiAccount.ExportLimits limits = client.account().exportLimits();
        String prefix = "huawei:" + user(client.account()) + ":export:";
        return List.of(
                new Quota.Unfinished(prefix + "unfinished", limits.unfinished(),
                        limits.unfinished() + " unfinished export tasks per user"),
                new Quota.Retained(prefix + "kept", limits.kept(), limits.kept() + " export tasks kept per user"));
    }

    /**
     * Who IoTDA counts the export limits for: the user the AK belongs to, in the account's project and instance (the
     * sandbox scopes them the same way). Keyed by these rather than the bridge's account name, two account profiles
     * with the same credentials share one quota, as they share it at the vendor. The AK id is an identifier, not the
     * secret.
     */
    static String user(HuaweiAccount account) {
        return account.accessKeyId() + "@" + account.projectId() + account.instanceId().map(id -> "/" + id).orElse("");
    }

    /**
     * The export task a CreateExportTask whose answer was lost made: the newest listed export of the request's batch
     * task, created no earlier than {@code sentAfter} less {@link SubmitWindow#CLOCK_SKEW}. IoTDA keeps one export
     * per batch task (a new one overwrites the earlier result), so there is at most one, and adopting it is sound
     * even if it was not this job's call that made it: its file is the export this request asks for.
     */
    @Override
    public Optional<String> findSubmitted(JobRecord job, Instant sentAfter) throws VendorException {
        String batchTaskId = JobFlows.params(job).path("resource_condition").path("task_id").asText("");
        SubmitWindow window = SubmitWindow.after(sentAfter);
        Optional<JsonNode> found = findListed(task -> {
            if (!window.admits(task.path("create_time").asText(""), "ListExportTasks create_time")) {
                return Listed.PAST;
            }
            return batchTaskId.equals(conditionTaskId(task)) ? Listed.FOUND : Listed.BEFORE;
        });
        return found.map(task -> task.path("export_task_id").asText("")).filter(id -> !id.isBlank());
    }

    /**
     * The task's status as ListExportTasks shows it. One list call answers for every export of the account on the
     * pages it read, so the exports checked around the same time share it (see {@link StatusSweep}); only a task
     * no recent page showed costs a call of its own.
     */
    @Override
    public JobStatus check(JobRecord job) throws VendorException {
        String exportTaskId = job.vendorJobId();
        boolean comparable = HEX_24.matcher(exportTaskId).matches();
        return sweep.status(exportTaskId, LISTING, recorder -> findListed(task -> {
            String id = task.path("export_task_id").asText("");
            if (!id.isBlank()) {
                recorder.record(id, interpret(task));
            }
            if (id.equals(exportTaskId)) {
                return Listed.FOUND;
            }
            return comparable && HEX_24.matcher(id).matches() && id.compareTo(exportTaskId) < 0
                    ? Listed.PAST : Listed.BEFORE;
        })).orElseThrow(() -> VendorException.permanent("ExportTaskGone", "export task "
                + Describe.text(exportTaskId) + " is no longer listed: IoTDA keeps only the newest "
                + HuaweiOperations.EXPORT_TASKS_KEPT + " export tasks per user, and a newer export of the same batch"
                + " task replaces an older one, so it was evicted or overwritten before its file was fetched"));
    }

    /** Where a listed export task stands relative to the one looked for, in the newest-first order. */
    private enum Listed {
        /** newer than, or beside, the one looked for: read on */
        BEFORE,
        FOUND,
        /** older than anything that could match: stop */
        PAST
    }

    /** Judges one listed export task; may throw on a malformed one. */
    @FunctionalInterface
    private interface ListedTest {
        Listed judge(JsonNode task) throws VendorException;
    }

    /**
     * Pages through ListExportTasks, newest first and 50 (the most IoTDA allows) at a time, until a page holds a
     * task FOUND or PAST, or the list ends.
     */
    private Optional<JsonNode> findListed(ListedTest test) throws VendorException {
        String marker = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode params = JSON.createObjectNode().put("limit", HuaweiOperations.MAX_PAGE_SIZE);
            if (marker != null) {
                params.put("marker", marker);
            }
            JsonNode answer = client.call(HuaweiOperations.LIST_EXPORT_TASKS, Map.of(), params);
            JsonNode tasks = answer.path("export_tasks");
            if (!tasks.isArray()) {
                throw VendorException.retryable("MalformedResponse", "ListExportTasks returned no export_tasks list");
            }
            // every task on a page read is judged, even after a decision: a sweep records the whole page
            String last = null;
            JsonNode found = null;
            boolean past = false;
            for (JsonNode task : tasks) {
                Listed listed = test.judge(task);
                if (found == null && !past) {
                    found = listed == Listed.FOUND ? task : null;
                    past = listed == Listed.PAST;
                }
                last = task.path("export_task_id").asText("");
            }
            if (found != null || past) {
                return Optional.ofNullable(found);
            }
            if (tasks.size() < HuaweiOperations.MAX_PAGE_SIZE || last == null) {
                break;
            }
            String next = answer.path("page").path("marker").asText(last);
            if (!HEX_24.matcher(next).matches()) {
                break;
            }
            marker = next;
        }
        return Optional.empty();
    }

    /** {@code resource_condition.task_id}; the condition may be an object or, as in the SDK's sample, its text. */
    private static String conditionTaskId(JsonNode task) {
        JsonNode condition = task.path("resource_condition");
        if (condition.isTextual()) {
            try {
                condition = JSON.readTree(condition.asText());
            } catch (IOException e) {
                return "";
            }
        }
        return condition.path("task_id").asText("");
    }

    static JobStatus interpret(JsonNode task) {
        String status = task.path("status").asText("");
        return switch (status) {
            case PROCESSING -> new JobStatus.Running(PROCESSING, progress(task.path("progress")));
            case SUCCESS -> new JobStatus.Succeeded(SUCCESS);
            case FAILED -> new JobStatus.Failed(FAILED, "IoTDA reports the export task failed (status Failed)");
            // an undocumented value must end the job rather than poll it for ever
            default -> new JobStatus.Failed(Describe.text(status) + " (unknown)",
                    "IoTDA reported an undocumented export status " + Describe.quote(status));
        };
    }

    /** {@code progress} is an integer 1–100; the doc's own example sends the string "98,", so text is read too. */
    static Integer progress(JsonNode progress) {
        Integer value = null;
        if (progress.isIntegralNumber()) {
            value = progress.asInt();
        } else if (progress.isTextual()) {
            String digits = progress.asText().replaceFirst("^\\s*(\\d{1,3}).*$", "$1");
            value = digits.matches("\\d{1,3}") ? Integer.valueOf(digits) : null;
        }
        return value == null ? null : Math.max(0, Math.min(100, value));
    }

    @Override
    public List<ResultFile> resultFiles(JobRecord job) throws VendorException {
        String zipName = "export_" + job.vendorJobId() + ".zip";
        Path zip = spool.existing(job.id(), SPOOLED_ZIP).orElse(null);
        if (zip == null) {
            zip = download(job);
        }
        List<ResultFile> files = new ArrayList<>();
        files.add(new LocalFile(zipName, zip));
        if (!JobFlows.options(job).path(HuaweiOperations.EXTRACT_ENTRIES).asBoolean(false)) {
            return files;
        }
        try {
            for (SafeZipExtractor.Entry entry : extractor.extract(zip, List.of(zipName),
                    index -> spool.file(job.id(), "entry-" + index))) {
                files.add(new LocalFile(entry.fileName(), entry.path()));
            }
        } catch (IOException e) {
            throw corrupt(zip, e);
        }
        return files;
    }

    /** Streams the file to the spool under a temporary name, checks it is a whole ZIP, then keeps it. */
    private Path download(JobRecord job) throws VendorException {
        Path part = spool.file(job.id(), SPOOLED_ZIP + ".part");
        try (ResultContent content = client.openFile(HuaweiOperations.SHOW_EXPORT_TASK,
                Map.of("export_task_id", job.vendorJobId()))) {
            long copied = Files.copy(content.body(), part, StandardCopyOption.REPLACE_EXISTING);
            if (content.length() >= 0 && copied != content.length()) {
                Files.deleteIfExists(part);
                throw VendorException.retryable("TruncatedDownload", "received " + copied + " of "
                        + content.length() + " bytes of export file " + job.vendorJobId());
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw VendorException.retryable("DownloadFailed", Failures.describe(e) + " downloading export file "
                    + job.vendorJobId(), e);
        }
        try (ZipFile whole = new ZipFile(part.toFile())) {
            whole.size();
        } catch (IOException e) {
            throw corrupt(part, e);
        }
        try {
            return Files.move(part, part.resolveSibling(SPOOLED_ZIP), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " keeping export file "
                    + job.vendorJobId(), e);
        }
    }

    /** A file that is not a readable ZIP was cut short or mangled on the way: drop it and fetch it again later. */
    private static VendorException corrupt(Path zip, IOException e) {
        deleteQuietly(zip);
        return VendorException.retryable("CorruptExportFile", "the export file is not a readable ZIP ("
                + Failures.describe(e) + "); it is downloaded again");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the spool folder is cleared when the job ends anyway
        }
    }
}
