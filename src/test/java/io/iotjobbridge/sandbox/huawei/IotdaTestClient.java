package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.huawei.HuaweiSigner;

/**
 * Signs IoTDA calls with the project's {@link HuaweiSigner} and sends them with the JDK client, so tests can also
 * send what no SDK would: a wrong key, an old date, a body changed after signing. Immutable; the {@code with…}
 * methods give a client that differs in one respect.
 */
final class IotdaTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 only: the default client would try an h2c upgrade the JDK server ignores anyway
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI baseUrl;
    private final String accessKeyId;
    private final Secret secret;
    private final String projectId;
    private final Clock clock;
    private final Options options;

    /**
     * How requests are signed beyond the credentials.
     *
     * @param instanceId    sent (and signed) as {@code Instance-Id} when not null
     * @param derivedRegion V11-HMAC-SHA256 scoped to this region when not null, else SDK-HMAC-SHA256
     * @param extraHeaders  more headers to send and sign
     * @param signedHeaders the only headers to sign, when not null (default: all that are sent)
     */
    private record Options(String instanceId, String derivedRegion, Map<String, String> extraHeaders,
                           List<String> signedHeaders) {
    }

    private IotdaTestClient(URI baseUrl, String accessKeyId, Secret secret, String projectId, Clock clock,
                            Options options) {
        this.baseUrl = baseUrl;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.projectId = projectId;
        this.clock = clock;
        this.options = options;
    }

    /** Plain SDK-HMAC-SHA256 signing of every header sent, no Instance-Id. */
    IotdaTestClient(URI baseUrl, String accessKeyId, Secret secret, String projectId, Clock clock) {
        this(baseUrl, accessKeyId, secret, projectId, clock, new Options(null, null, Map.of(), null));
    }

    IotdaTestClient withSecret(Secret other) {
        return new IotdaTestClient(baseUrl, accessKeyId, other, projectId, clock, options);
    }

    IotdaTestClient withAccessKeyId(String other) {
        return new IotdaTestClient(baseUrl, other, secret, projectId, clock, options);
    }

    IotdaTestClient withProjectId(String other) {
        return new IotdaTestClient(baseUrl, accessKeyId, secret, other, clock, options);
    }

    IotdaTestClient withInstanceId(String instanceId) {
        return new IotdaTestClient(baseUrl, accessKeyId, secret, projectId, clock,
                new Options(instanceId, options.derivedRegion(), options.extraHeaders(), options.signedHeaders()));
    }

    /** V11-HMAC-SHA256, with the key derived for this region (and the request's date, service iotdm). */
    IotdaTestClient derivedFor(String regionId) {
        return new IotdaTestClient(baseUrl, accessKeyId, secret, projectId, clock,
                new Options(options.instanceId(), regionId, options.extraHeaders(), options.signedHeaders()));
    }

    IotdaTestClient withSignedHeader(String lowerCaseName, String value) {
        Map<String, String> extra = new LinkedHashMap<>(options.extraHeaders());
        extra.put(lowerCaseName, value);
        return new IotdaTestClient(baseUrl, accessKeyId, secret, projectId, clock,
                new Options(options.instanceId(), options.derivedRegion(), extra, options.signedHeaders()));
    }

    /** Signs only these headers (all are still sent). */
    IotdaTestClient signingOnly(List<String> lowerCaseNames) {
        return new IotdaTestClient(baseUrl, accessKeyId, secret, projectId, clock,
                new Options(options.instanceId(), options.derivedRegion(), options.extraHeaders(),
                        List.copyOf(lowerCaseNames)));
    }

    /** A request as it goes on the wire; tests may change it after signing to see the sandbox notice. */
    record Prepared(String method, URI uri, Map<String, String> headers, String body) {

        Prepared withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Prepared(method, uri, changed, body);
        }

        Prepared withBody(String otherBody) {
            return new Prepared(method, uri, headers, otherBody);
        }
    }

    /** @param resource the path below {@code /v5/iot/{project_id}/}, e.g. {@code batchtasks} */
    Prepared prepare(String method, String resource, Map<String, String> query, String body) {
        return prepare(method, resource, query, body, clock.instant());
    }

    Prepared prepare(String method, String resource, Map<String, String> query, String body, Instant signedAt) {
        String path = "/v5/iot/" + projectId + "/" + resource;
        String sdkDate = IotdaTimes.compact(signedAt);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", baseUrl.getAuthority());
        headers.put(HuaweiSigner.DATE_HEADER, sdkDate);
        if (!body.isEmpty()) {
            headers.put("content-type", "application/json");
        }
        if (options.instanceId() != null) {
            headers.put("instance-id", options.instanceId());
        }
        headers.putAll(options.extraHeaders());
        List<String> signed = options.signedHeaders() != null ? options.signedHeaders()
                : headers.keySet().stream().sorted().toList();
        String payloadHash = headers.containsKey("x-sdk-content-sha256") ? headers.get("x-sdk-content-sha256")
                : SignatureEncoding.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        query.forEach((k, v) -> multiQuery.put(k, List.of(v)));
        String canonical = HuaweiSigner.canonicalRequest(method, path, multiQuery, headers, signed, payloadHash);
        String authorization;
        String derivedRegion = options.derivedRegion();
        if (derivedRegion == null) {
            authorization = HuaweiSigner.sdkAuthorization(accessKeyId, signed,
                    HuaweiSigner.sdkSignature(secret, sdkDate, canonical));
        } else {
            String scope = HuaweiSigner.derivationScope(sdkDate, derivedRegion, HuaweiSigner.IOTDA_DERIVED_SERVICE);
            authorization = HuaweiSigner.derivedAuthorization(accessKeyId, scope, signed,
                    HuaweiSigner.derivedSignature(accessKeyId, secret, sdkDate, derivedRegion,
                            HuaweiSigner.IOTDA_DERIVED_SERVICE, canonical));
        }
        headers.put("Authorization", authorization);
        // the JDK client sets Host itself, to the same authority
        headers.remove("host");
        String queryString = query.entrySet().stream()
                .map(e -> SignatureEncoding.percentEncode(e.getKey()) + "=" + SignatureEncoding.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + path + (queryString.isEmpty() ? "" : "?" + queryString));
        return new Prepared(method, uri, headers, body);
    }

    Answer send(Prepared call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .method(call.method(), call.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        return new Answer(exchange(request.build()));
    }

    Answer get(String resource, Map<String, String> query) {
        return send(prepare("GET", resource, query, ""));
    }

    Answer post(String resource, String body) {
        return send(prepare("POST", resource, Map.of(), body));
    }

    Answer post(String resource, Map<String, ?> body) {
        return post(resource, toJson(body));
    }

    // --- the operations, in the shape the bridge will send them ---

    Answer listBatchTasks(String taskType, Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>(more);
        query.put("task_type", taskType);
        return get("batchtasks", query);
    }

    Answer createBatchTask(String name, String type, List<String> targets) {
        return post("batchtasks", Map.of("task_name", name, "task_type", type, "targets", targets));
    }

    Answer createExportTask(String batchTaskId) {
        return post("export-tasks", Map.of("resource_type", "BatchTask",
                "resource_condition", Map.of("task_id", batchTaskId), "export_format", "xls", "app_type", "GLOBAL"));
    }

    Answer listExportTasks(Map<String, String> query) {
        return get("export-tasks", query);
    }

    Answer downloadExport(String exportTaskId) {
        return get("export-tasks/" + exportTaskId + "/file", Map.of());
    }

    /** Every seeded task id of one type, newest first, paged through with marker. */
    List<String> allTaskIds(String taskType) {
        List<String> ids = new ArrayList<>();
        String marker = null;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "50");
            if (marker != null) {
                query.put("marker", marker);
            }
            JsonNode page = listBatchTasks(taskType, query).json();
            page.path("batchtasks").forEach(task -> ids.add(task.path("task_id").asText()));
            if (page.path("batchtasks").size() < 50) {
                return ids;
            }
            marker = page.path("page").path("marker").asText();
        }
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer, with its JSON body parsed on demand. */
    record Answer(HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
            }
        }

        String code() {
            return json().path("error_code").asText();
        }

        String message() {
            return json().path("error_msg").asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        byte[] bytes() {
            return response.body();
        }
    }
}
