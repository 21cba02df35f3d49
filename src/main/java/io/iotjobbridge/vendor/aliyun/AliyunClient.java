package io.iotjobbridge.vendor.aliyun;

import io.iotjobbridge.vendor.SignatureEncoding;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.destination.DownloadUrlPolicy;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.Origins;
import io.iotjobbridge.vendor.aliyun.AliyunOperations.AliyunAction;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.RemoteFile;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCallObserver;
import io.iotjobbridge.vendor.VendorException;

/**
 * Calls the Alibaba Cloud IoT Platform RPC API the way the current official SDK does: POST (or GET, where the SDK
 * uses it) to {@code /}, each parameter in the query string or the form body as the operations table says, signed
 * with ACS3-HMAC-SHA256.
 */
public final class AliyunClient {

    static final String API_VERSION = "2018-01-20";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AliyunAccount account;
    private final HttpTransport http;
    private final CallBudget budget;
    private final Clock clock;
    private final VendorCallObserver observer;

    /** A client whose calls nobody observes (tests, tools). */
    public AliyunClient(AliyunAccount account, HttpTransport http, CallBudget budget, Clock clock) {
        this(account, http, budget, VendorCallObserver.NONE, clock);
    }

    public AliyunClient(AliyunAccount account, HttpTransport http, CallBudget budget, VendorCallObserver observer,
                        Clock clock) {
        this.account = account;
        this.http = http;
        this.budget = budget;
        this.observer = observer;
        this.clock = clock;
    }

    public AliyunAccount account() {
        return account;
    }

    /**
     * Calls {@code action} and returns the whole response document when {@code Success} is true.
     *
     * @param params parameter values as the vendor spells them; objects and lists are sent as JSON text
     */
    public JsonNode call(AliyunAction action, Map<String, JsonNode> params) throws VendorException {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (value != null && !value.isNull()) {
                (action.bodyParams().contains(name) ? form : query).put(name, wireValue(value));
            }
        });
        budget.acquire(Vendor.ALIYUN, account.name(), action.name());
        return observer.observe(Vendor.ALIYUN, account.name(), action.name(), clock,
                () -> envelope(action.name(), send(signedCall(action.name(), action.method(), query, form))));
    }

    /**
     * A result file at a URL an action returned (a signed OSS link), after checking the URL may be fetched at all:
     * only https to the vendor's download hosts or the account's own endpoint, so a response cannot point the
     * bridge at an internal address.
     *
     * @param field the response field the URL came from, for the error message
     */
    public RemoteFile download(String fileName, String url, String field) throws VendorException {
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            throw VendorException.permanent("UnsafeDownloadUrl", field + " is not a URL");
        }
        DownloadUrlPolicy.check(parsed, account.endpoint(), account.downloadHosts());
        return new RemoteFile(fileName, parsed, http);
    }

    private HttpCall signedCall(String actionName, String method, Map<String, String> query,
                                Map<String, String> form) {
        byte[] body = form.isEmpty() ? new byte[0] : SignatureEncoding.canonicalQuery(form).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", Origins.authority(account.endpoint()));
        headers.put("x-acs-action", actionName);
        headers.put("x-acs-version", API_VERSION);
        headers.put("x-acs-date", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        headers.put("x-acs-content-sha256", SignatureEncoding.sha256Hex(body));
        if (body.length > 0) {
            headers.put("content-type", FORM);
        }
        String canonical = AcsV3Signer.canonicalRequest(method, "/", query, headers,
                headers.get("x-acs-content-sha256"));
        String signature = AcsV3Signer.signature(account.accessKeySecret(), canonical);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        // the HTTP client writes Host itself, from the same authority that was signed
        sent.remove("host");
        if (body.length > 0) {
            sent.put("Content-Type", sent.remove("content-type"));
        }
        sent.put("Authorization", AcsV3Signer.authorization(account.accessKeyId(), headers, signature));
        return new HttpCall(method, account.endpoint(), "/", SignatureEncoding.canonicalQuery(query), sent, body);
    }

    private HttpReply send(HttpCall call) throws VendorException {
        try {
            return http.send(call);
        } catch (IOException e) {
            throw VendorException.retryable("TransportError", e.getClass().getSimpleName()
                    + " talking to " + account.endpoint().getHost(), e);
        }
    }

    private JsonNode envelope(String actionName, HttpReply reply) throws VendorException {
        JsonNode doc;
        try {
            doc = JSON.readTree(reply.body());
        } catch (IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            if (reply.status() >= 500 || reply.status() == 429) {
                throw refusal(actionName, reply.status(), null, "HTTP " + reply.status() + " from " + actionName);
            }
            throw VendorException.retryable("MalformedResponse", actionName + " answered HTTP " + reply.status()
                    + " with a body that is not a JSON object");
        }
        boolean success = doc.path("Success").asBoolean(reply.status() == 200 && !doc.has("Code"));
        if (reply.status() == 200 && success) {
            budget.callAccepted(Vendor.ALIYUN, account.name(), actionName);
            return doc;
        }
        // business errors carry ErrorMessage; gateway errors (signature, throttling) carry Message
        String message = doc.hasNonNull("ErrorMessage") ? doc.get("ErrorMessage").asText() : doc.path("Message").asText("");
        throw refusal(actionName, reply.status(), doc.path("Code").asText(null), message);
    }

    /** Classifies a refused call; throttling pauses the whole action for the account, not just this job's call. */
    private VendorException refusal(String actionName, int httpStatus, String code, String message) {
        if (AliyunErrors.isThrottling(httpStatus, code)) {
            Instant resumeAt = budget.pauseAfterThrottling(Vendor.ALIYUN, account.name(), actionName);
            return VendorException.throttled(code == null ? "HTTP" + httpStatus : code,
                    message + " (" + actionName + " paused until " + resumeAt + ")", resumeAt);
        }
        if (httpStatus < 500) {
            // the gateway let the call through, so its rate was fine
            budget.callAccepted(Vendor.ALIYUN, account.name(), actionName);
        }
        return AliyunErrors.classify(httpStatus, code, message, clock);
    }

    private static String wireValue(JsonNode value) {
        return value.isContainerNode() ? value.toString() : value.asText();
    }

}
