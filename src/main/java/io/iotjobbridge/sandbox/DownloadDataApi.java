package io.iotjobbridge.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The two data-download actions. Status is derived from the clock on every call, so a job advances exactly as fast
 * as the (possibly simulated) time the sandbox was given.
 */
final class DownloadDataApi {

    static final String CREATE_DOWNLOAD_DATA_JOB = "CreateDownloadDataJob";
    static final String GET_DOWNLOAD_FILE = "GetDownloadFile";

    private final DownloadJobRegistry registry;
    private final DownloadUrlSigner urlSigner;
    private final URI baseUrl;
    private final SandboxSettings settings;
    private final Clock clock;
    private final AtomicReference<String> hostileCsvUrl = new AtomicReference<>();

    DownloadDataApi(DownloadJobRegistry registry, DownloadUrlSigner urlSigner, URI baseUrl, SandboxSettings settings,
                    Clock clock) {
        this.registry = registry;
        this.urlSigner = urlSigner;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.clock = clock;
    }

    /** From now on, a finished job's CsvUrl is {@code url} instead of its signed link; null restores the link. */
    void handOutCsvUrl(String url) {
        hostileCsvUrl.set(url);
    }

    Map<String, Function<AuthenticatedCall, IotResult>> operations() {
        return Map.of(
                CREATE_DOWNLOAD_DATA_JOB, this::createDownloadDataJob,
                GET_DOWNLOAD_FILE, this::getDownloadFile);
    }

    IotResult createDownloadDataJob(AuthenticatedCall call) {
        JobDraft draft = JobDraftParser.parse(call);
        Instant now = clock.instant();
        DownloadJob job = registry.create(draft, now);
        return IotResult.ok(describe(job, job.statusAt(now)));
    }

    IotResult getDownloadFile(AuthenticatedCall call) {
        String longJobId = call.param("LongJobId");
        // a job of another account or instance is as unknown as a made-up id
        DownloadJob job = longJobId == null ? null : registry.find(longJobId)
                .filter(j -> j.isOwnedBy(call.accessKeyId(), call.instanceKey()))
                .orElse(null);
        if (job == null) {
            throw new IotRejection(IotError.REQUEST_PARAM_ERROR, "unknown LongJobId");
        }
        Instant now = clock.instant();
        JobStatus status = job.statusAt(now);
        Map<String, Object> data = describe(job, status);
        if (status == JobStatus.SUCCEEDED) {
            if (registry.fetchesOn(job.longJobId(), VendorCalendar.dayOf(now)) >= settings.urlFetchLimit()) {
                throw new IotRejection(IotError.DOWNLOAD_TIMES_UPPER_LIMIT, "fetches used up for today");
            }
            long expires = now.plus(settings.urlValidity()).getEpochSecond();
            String hostile = hostileCsvUrl.get();
            data.put("CsvUrl", hostile != null ? hostile
                    : urlSigner.sign(baseUrl, OssDownloadHandler.objectPath(job), expires).toString());
            data.put("TotalCount", SyntheticCsv.rowCount(settings.csvBytes()));
        }
        return IotResult.ok(data);
    }

    private static Map<String, Object> describe(DownloadJob job, JobStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("LongJobId", job.longJobId());
        data.put("Status", status.wireValue());
        data.put("AsyncExecute", true);
        // BeginTime/EndTime are the task's own start and finish, not the queried range
        data.put("BeginTime", job.createdAt().toEpochMilli());
        if (!status.isInProgress()) {
            data.put("EndTime", job.finishedAt().toEpochMilli());
        }
        data.put("CsvFileName", job.csvFileName());
        return data;
    }
}
