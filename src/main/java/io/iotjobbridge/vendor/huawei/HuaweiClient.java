package io.iotjobbridge.vendor.huawei;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.Origins;
import io.iotjobbridge.http.StreamedReply;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.CallSlots;
import io.iotjobbridge.vendor.LocalCallSlots;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCallObserver;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.huawei.HuaweiOperations.IotdaApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Huawei Cloud IoTDA v5 REST API ({@code <endpoint>/v5/iot/{project_id}/...}) the way the official Java SDK
 * does: JSON in and out, {@code Instance-Id} when the account has one, and every header sent (Host, X-Sdk-Date,
 * Content-Type for a body, Instance-Id) signed, lower-cased and sorted. An endpoint that looks like a regional
 * service endpoint is signed with plain AK/SK ({@code SDK-HMAC-SHA256}); any other (an instance endpoint, the
 * sandbox) with a key derived for the account's region and IoTDA's service name ({@code V11-HMAC-SHA256}), exactly
 * the SDK's {@code DEFAULT_DERIVED_PREDICATE}.
 */
public final class HuaweiClient {

    static final String JSON_TYPE = "application/json";
    static final String REQUEST_ID = "X-Request-Id";
    private static final String PATH_PREFIX = "/v5/iot/";
    /** An error body is a small JSON document; more than this is not worth reading. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HuaweiClient.class);

    /** Arrival jitter allowance on top of 1% of the interval (see {@link #takeDownloadTurn}). */
    private static final Duration DOWNLOAD_MARGIN_FLOOR = Duration.ofMillis(50);

    private final HuaweiAccount account;
    private final HttpTransport http;
    private final CallBudget budget;
    private final Clock clock;
    private final boolean derivedSigning;
    private final CallSlots downloadTurns;
    private final VendorCallObserver observer;

    /** A client whose export downloads take turns within this process only, and whose calls nobody observes. */
    public HuaweiClient(HuaweiAccount account, HttpTransport http, CallBudget budget, Clock clock) {
        this(account, http, budget, new LocalCallSlots(clock), VendorCallObserver.NONE, clock);
    }

    /** @param downloadTurns where the account's once-per-interval export downloads take their turns */
    public HuaweiClient(HuaweiAccount account, HttpTransport http, CallBudget budget, CallSlots downloadTurns,
                        VendorCallObserver observer, Clock clock) {
        this.account = account;
        this.observer = observer;
        this.http = http;
        this.budget = budget;
        this.clock = clock;
        this.downloadTurns = downloadTurns;
        this.derivedSigning = HuaweiSigner.usesDerivedSigning(account.endpoint().getHost());
    }

    public HuaweiAccount account() {
        return account;
    }

    /**
     * Calls {@code api} and returns its JSON answer.
     *
     * @param pathValues values of the path's placeholders, e.g. {@code export_task_id}
     * @param params     the API's parameters as the vendor spells them: the table's query parameters go in the query
     *                   string, all others form the JSON body (none: no body)
     */
    public JsonNode call(IotdaApi api, Map<String, String> pathValues, ObjectNode params) throws VendorException {
        ObjectNode body = JSON.createObjectNode();
        params.fields().forEachRemaining(e -> {
            if (!api.inQuery(e.getKey())) {
                body.set(e.getKey(), e.getValue());
            }
        });
        byte[] bytes = body.isEmpty() ? new byte[0] : json(body);
        String resourcePath = api.resourcePath(pathValues);
        // signed after the wait for a permit, so X-Sdk-Date is the time the call really leaves
        budget.acquire(Vendor.HUAWEI, account.name(), api.name());
        return observer.observe(Vendor.HUAWEI, account.name(), api.name(), clock,
                () -> send(api, signedCall(api.method(), resourcePath, api.query(params), bytes)));
    }

    private JsonNode send(IotdaApi api, HttpCall call) throws VendorException {
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (IOException e) {
            throw HuaweiErrors.transport(api, account.endpoint().getHost(), e);
        }
        String requestId = reply.header(REQUEST_ID).orElse(null);
        LOG.debug("IoTDA {} on account {} answered HTTP {} (request id {})", api.name(), account.name(),
                reply.status(), requestId);
        if (reply.status() < 200 || reply.status() >= 300) {
            throw refusal(api, reply.status(), reply.body(), requestId);
        }
        budget.callAccepted(Vendor.HUAWEI, account.name(), api.name());
        try {
            JsonNode answer = JSON.readTree(reply.body());
            if (answer != null && answer.isObject()) {
                return answer;
            }
        } catch (IOException e) {
            // answered below
        }
        throw VendorException.retryable("MalformedResponse", api.name() + " answered HTTP " + reply.status()
                + " with a body that is not a JSON object" + (requestId == null ? "" : " (request id " + requestId
                + ")"));
    }

    /**
     * Opens a file {@code api} answers with (the export file), streamed: the caller reads it as it arrives and closes
     * it. Anything but HTTP 200 is classified like any other IoTDA error.
     */
    public ResultContent openFile(IotdaApi api, Map<String, String> pathValues) throws VendorException {
        String resourcePath = api.resourcePath(pathValues);
        budget.acquire(Vendor.HUAWEI, account.name(), api.name());
        takeDownloadTurn(resourcePath);
        return observer.observe(Vendor.HUAWEI, account.name(), api.name(), clock,
                () -> open(api, signedCall(api.method(), resourcePath, Map.of(), new byte[0])));
    }

    private ResultContent open(IotdaApi api, HttpCall call) throws VendorException {
        StreamedReply reply;
        try {
            reply = http.open(call);
        } catch (IOException e) {
            throw HuaweiErrors.transport(api, account.endpoint().getHost(), e);
        }
        String requestId = reply.header(REQUEST_ID).orElse(null);
        if (reply.status() == 200) {
            budget.callAccepted(Vendor.HUAWEI, account.name(), api.name());
            return new ResultContent(reply.body(), reply.contentLength());
        }
        byte[] error;
        try (InputStream body = reply.body()) {
            error = body.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            error = new byte[0];
        }
        throw refusal(api, reply.status(), error, requestId);
    }

    /** Classifies a refused call; throttling pauses the whole API for the account, not just this job's call. */
    private VendorException refusal(IotdaApi api, int httpStatus, byte[] body, String requestId) {
        VendorException error = HuaweiErrors.fromReply(api, httpStatus, body, requestId,
                account.exportDownloadInterval(), clock);
        if (HuaweiErrors.isThrottling(api, httpStatus, error.code())) {
            Instant resumeAt = budget.pauseAfterThrottling(Vendor.HUAWEI, account.name(), api.name());
            return VendorException.throttled(error.code(), error.vendorMessage() + "; " + api.name()
                    + " paused until " + resumeAt, resumeAt);
        }
        if (httpStatus < 500) {
            // the gateway let the call through, so its rate was fine
            budget.callAccepted(Vendor.HUAWEI, account.name(), api.name());
        }
        return error;
    }

    /**
     * IoTDA lets one user download an export file once per interval ("单用户下载导出文件最大速率为30s一次"). Downloads
     * of the user's accounts on every node take turns, each a small margin more than the interval apart so the
     * vendor, measuring on arrival, never sees two closer than it allows.
     *
     * @throws VendorException (quota) until this download's turn, which is then kept for it
     */
    private void takeDownloadTurn(String resourcePath) throws VendorException {
        Duration spacing = account.exportDownloadInterval().plus(DOWNLOAD_MARGIN_FLOOR)
                .plus(account.exportDownloadInterval().dividedBy(100));
        Instant turn = downloadTurns.take("huawei:" + account.accessKeyId() + ":export-download", resourcePath,
                spacing);
        if (turn.isAfter(clock.instant())) {
            throw VendorException.quota("ExportDownloadWindow", "IoTDA allows one export file download per "
                    + account.exportDownloadInterval().toMillis() + " ms per user; this one's turn is at " + turn, turn);
        }
    }

    /** The call as it goes on the wire, signed; package-private so tests can look at what is signed. */
    HttpCall signedCall(String method, String resourcePath, Map<String, String> query, byte[] body) {
        String rawPath = PATH_PREFIX + SignatureEncoding.percentEncode(account.projectId()) + "/" + resourcePath;
        String sdkDate = SDK_DATE.format(clock.instant());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", Origins.authority(account.endpoint()));
        headers.put(HuaweiSigner.DATE_HEADER, sdkDate);
        if (body.length > 0) {
            headers.put("content-type", JSON_TYPE);
        }
        account.instanceId().ifPresent(id -> headers.put("instance-id", id));
        List<String> signed = headers.keySet().stream().sorted().toList();

        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        query.forEach((name, value) -> multiQuery.put(name, List.of(value)));
        // the gateway rebuilds the canonical URI from the decoded path, as the server sees it
        String decodedPath = URI.create("http://host" + rawPath).getPath();
        String canonical = HuaweiSigner.canonicalRequest(method, decodedPath, multiQuery, headers, signed,
                SignatureEncoding.sha256Hex(body));
        String authorization;
        if (derivedSigning) {
            String scope = HuaweiSigner.derivationScope(sdkDate, account.regionId(),
                    HuaweiSigner.IOTDA_DERIVED_SERVICE);
            authorization = HuaweiSigner.derivedAuthorization(account.accessKeyId(), scope, signed,
                    HuaweiSigner.derivedSignature(account.accessKeyId(), account.secretAccessKey(), sdkDate,
                            account.regionId(), HuaweiSigner.IOTDA_DERIVED_SERVICE, canonical));
        } else {
            authorization = HuaweiSigner.sdkAuthorization(account.accessKeyId(), signed,
                    HuaweiSigner.sdkSignature(account.secretAccessKey(), sdkDate, canonical));
        }
        Map<String, String> sent = new LinkedHashMap<>();
        // the HTTP client writes Host itself, from the same authority that was signed
        sent.put("X-Sdk-Date", sdkDate);
        if (body.length > 0) {
            sent.put("Content-Type", JSON_TYPE);
        }
        account.instanceId().ifPresent(id -> sent.put("Instance-Id", id));
        sent.put("Authorization", authorization);
        return new HttpCall(method, account.endpoint(), rawPath, SignatureEncoding.canonicalQuery(query), sent, body);
    }

    private static byte[] json(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "HuaweiClient[" + account + (derivedSigning ? ", V11" : ", SDK-HMAC") + "]";
    }
}
