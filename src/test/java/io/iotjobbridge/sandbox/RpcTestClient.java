package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.aliyun.AcsV3Signer;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.aliyun.RpcV1Signer;

/**
 * Hand-signs RPC calls with the project's own signers and sends them with the JDK client, so tests can also send what
 * no SDK would: a tampered signature, an old timestamp, a repeated nonce.
 */
final class RpcTestClient {

    static final String VERSION = "2018-01-20";
    private static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1 only: the default client would try an h2c upgrade the JDK server ignores anyway
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUrl;
    private final String accessKeyId;
    private final Secret secret;
    private final Clock clock;

    RpcTestClient(URI baseUrl, String accessKeyId, Secret secret, Clock clock) {
        this.baseUrl = baseUrl;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.clock = clock;
    }

    RpcTestClient withSecret(Secret otherSecret) {
        return new RpcTestClient(baseUrl, accessKeyId, otherSecret, clock);
    }

    RpcTestClient withAccessKeyId(String otherAccessKeyId) {
        return new RpcTestClient(baseUrl, otherAccessKeyId, secret, clock);
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

    /** V3, POSTed like the tea SDK: the given query parameters in the URL, the form fields in the body. */
    Prepared v3(String action, Map<String, String> query, Map<String, String> form) {
        return v3(action, VERSION, query, form, clock.instant(), UUID.randomUUID().toString());
    }

    Prepared v3(String action, String version, Map<String, String> query, Map<String, String> form, Instant signedAt,
                String nonce) {
        String body = form.isEmpty() ? "" : SignatureEncoding.canonicalQuery(form);
        String bodyHash = SignatureEncoding.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", baseUrl.getAuthority());
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", version);
        headers.put("x-acs-date", iso(signedAt));
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", bodyHash);
        if (!body.isEmpty()) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        String canonical = AcsV3Signer.canonicalRequest("POST", "/", query, headers, bodyHash);
        String signature = AcsV3Signer.signature(secret, canonical);
        headers.put("Authorization", AcsV3Signer.authorization(accessKeyId, withoutAuthorization(headers), signature));
        headers.remove("host");
        return new Prepared("POST", uri(query), headers, body);
    }

    /** V1 with every parameter in the query string, as the core SDK sends it for GET and POST alike. */
    Prepared v1InQuery(String method, String action, Map<String, String> business) {
        Map<String, String> params = v1Params(method, action, business, clock.instant(), UUID.randomUUID().toString());
        return new Prepared(method, uri(params), Map.of(), "");
    }

    /** V1 POST with every parameter in a form body. */
    Prepared v1InForm(String action, Map<String, String> business) {
        Map<String, String> params = v1Params("POST", action, business, clock.instant(), UUID.randomUUID().toString());
        return new Prepared("POST", baseUrl.resolve("/"), Map.of("content-type", "application/x-www-form-urlencoded"),
                SignatureEncoding.canonicalQuery(params));
    }

    Map<String, String> v1Params(String method, String action, Map<String, String> business, Instant signedAt,
                                 String nonce) {
        Map<String, String> params = new LinkedHashMap<>(business);
        params.put("AccessKeyId", accessKeyId);
        params.put("Action", action);
        params.put("Version", VERSION);
        params.put("Format", "JSON");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", nonce);
        params.put("Timestamp", iso(signedAt));
        params.put("Signature", RpcV1Signer.signature(secret, RpcV1Signer.stringToSign(method, params)));
        return params;
    }

    Prepared raw(String method, Map<String, String> query) {
        return new Prepared(method, uri(query), Map.of(), "");
    }

    HttpResponse<String> send(Prepared call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .method(call.method(), call.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        return get(request.build());
    }

    HttpResponse<String> get(URI uri) {
        return get(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> get(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    // --- the two download actions, POSTed with V3, as the bridge will send them ---

    JsonNode createJob(String table, long startMs, long endMs, String fileName) {
        return createJobResponse(table, startMs, endMs, fileName, "").json();
    }

    Answer createJobResponse(String table, long startMs, long endMs, String fileName, String instanceId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("TableName", table);
        query.put("DownloadDataType", "TABLE");
        query.put("StartTime", Long.toString(startMs));
        query.put("EndTime", Long.toString(endMs));
        if (fileName != null) {
            query.put("FileConfig", "{\"fileName\":\"" + fileName + "\"}");
        }
        Map<String, String> form = instanceId.isEmpty() ? Map.of() : Map.of("IotInstanceId", instanceId);
        return new Answer(send(v3("CreateDownloadDataJob", query, form)));
    }

    /** Any action, V3-signed, every parameter in the query string. */
    Answer call(String action, Map<String, String> params) {
        return new Answer(send(v3(action, params, Map.of())));
    }

    Answer getDownloadFile(String longJobId) {
        return new Answer(send(v3("GetDownloadFile", Map.of("LongJobId", longJobId), Map.of())));
    }

    /** An RPC answer with its JSON body parsed. */
    record Answer(HttpResponse<String> response) {
        JsonNode json() {
            return RpcTestClient.json(response);
        }

        int status() {
            return response.statusCode();
        }

        String code() {
            return json().path("Code").asText();
        }
    }

    private URI uri(Map<String, String> query) {
        return query.isEmpty() ? baseUrl.resolve("/") : URI.create(baseUrl + "/?" + SignatureEncoding.canonicalQuery(query));
    }

    private static Map<String, String> withoutAuthorization(Map<String, String> headers) {
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.remove("Authorization");
        return signed;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
