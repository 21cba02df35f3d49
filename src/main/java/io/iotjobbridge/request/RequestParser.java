package io.iotjobbridge.request;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.request.spec.Validation;
import io.iotjobbridge.vendor.Vendor;

/**
 * Reads a job request document (JSON, YAML or JSON Lines) into {@link JobRequest}s, or rejects it with every
 * structural problem found: not text, syntax, duplicate keys, unknown or mistyped top-level fields, an unknown vendor.
 * Whether the account, destination, operation and params are acceptable is {@link RequestValidator}'s job.
 * Thread-safe.
 */
public final class RequestParser {

    public static final int DEFAULT_MAX_CODE_POINTS = 1024 * 1024;
    /** Real requests nest three or four levels; the bound keeps a hostile document from exhausting the stack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** A hand-written request has no need for many anchors; the bound defuses "billion laughs" documents. */
    public static final int MAX_YAML_ALIASES = 20;
    public static final int DEFAULT_MAX_BATCH_ITEMS = 1000;
    /** The setting that bounds a batch, named in the rejection of a larger one. */
    public static final String MAX_BATCH_ITEMS_KEY = "bridge.inbox.max-batch-items";
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private static final String GENERATED_ID_PREFIX = "req-";
    private static final int GENERATED_ID_HEX_CHARS = 24;

    private final int maxCodePoints;
    private final int maxBatchItems;
    private final JsonTreeReader json;
    private final YamlTreeReader yaml;

    public RequestParser() {
        this(DEFAULT_MAX_CODE_POINTS);
    }

    /** @param maxCodePoints the largest document accepted, in characters (code points) */
    public RequestParser(int maxCodePoints) {
        this(maxCodePoints, DEFAULT_MAX_BATCH_ITEMS);
    }

    /**
     * @param maxCodePoints the largest document accepted, in characters (code points)
     * @param maxBatchItems the most requests one batch document may hold
     */
    public RequestParser(int maxCodePoints, int maxBatchItems) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        if (maxBatchItems < 1) {
            throw new IllegalArgumentException("maxBatchItems must be positive");
        }
        this.maxCodePoints = maxCodePoints;
        this.maxBatchItems = maxBatchItems;
        this.json = new JsonTreeReader(MAX_NESTING_DEPTH, maxCodePoints);
        this.yaml = new YamlTreeReader(maxCodePoints, MAX_NESTING_DEPTH, MAX_YAML_ALIASES);
    }

    /**
     * @param document the raw bytes, UTF-8; JSON when the first non-whitespace character is '{' or '[', YAML
     *                 otherwise
     * @throws RequestRejectedException with every problem found
     */
    public JobRequest parse(byte[] document) {
        String text = DocumentText.decode(document, maxCodePoints);
        return request(readTree(text), document);
    }

    /**
     * The requests of a document: a request object is one; a JSON array or YAML sequence of request objects, or a
     * JSON Lines file, is a batch of at most {@code maxBatchItems}. Problems of the document as a whole (not text,
     * syntax of a JSON or YAML document, no or too many items) are thrown here; each item's own are thrown when the
     * item is read.
     *
     * @throws RequestRejectedException when the document as a whole is unusable
     */
    public RequestBatch parseAll(byte[] document, RequestLayout layout) {
        String text = DocumentText.decode(document, maxCodePoints);
        if (layout == RequestLayout.JSON_LINES) {
            return jsonLines(text);
        }
        JsonNode root = readTree(text);
        if (!root.isArray()) {
            return new RequestBatch(List.of(new RequestBatch.Item(ItemPosition.WHOLE, () -> request(root, document))));
        }
        requireBatchSize(root.size());
        List<RequestBatch.Item> items = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            items.add(new RequestBatch.Item(ItemPosition.element(i), () -> request(element, compactJson(element))));
        }
        return new RequestBatch(items);
    }

    private RequestBatch jsonLines(String text) {
        List<String> lines = text.lines().toList();
        requireBatchSize(lines.stream().filter(line -> !line.isBlank()).count());
        List<RequestBatch.Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                items.add(new RequestBatch.Item(ItemPosition.line(i + 1), () -> {
                    JsonNode item = json.read(line);
                    return request(item, compactJson(item));
                }));
            }
        }
        return new RequestBatch(items);
    }

    private void requireBatchSize(long items) {
        if (items == 0) {
            throw new RequestRejectedException("request", "the batch holds no requests");
        }
        if (items > maxBatchItems) {
            throw new RequestRejectedException("request", "the batch holds " + items + " requests; at most "
                    + maxBatchItems + " are taken from one file (" + MAX_BATCH_ITEMS_KEY + "): split it into"
                    + " several files");
        }
    }

    private JsonNode readTree(String text) {
        JsonNode root = DocumentText.looksLikeJson(text) ? json.read(text) : yaml.read(text);
        if (root == null) {
            throw DocumentText.empty();
        }
        return root;
    }

    /** @param idSource the bytes a missing {@code id} is derived from */
    private static JobRequest request(JsonNode root, byte[] idSource) {
        if (!root.isObject()) {
            throw new RequestRejectedException("request",
                    "must be a mapping of field names to values; was " + Describe.kind(root));
        }
        List<Violation> violations = new ArrayList<>();
        // No envelope rule depends on time; the clock is there because the vocabulary allows such rules.
        Envelope.SPEC.check(root, "", new Validation(Clock.systemUTC(), (f, r) -> violations.add(new Violation(f, r))));
        if (!violations.isEmpty()) {
            throw new RequestRejectedException(violations);
        }
        return new JobRequest(
                root.has(Envelope.ID) ? root.get(Envelope.ID).textValue() : generatedId(idSource),
                Vendor.fromWireName(root.get(Envelope.VENDOR).textValue()).orElseThrow(),
                root.get(Envelope.ACCOUNT).textValue(),
                root.get(Envelope.OPERATION).textValue(),
                (ObjectNode) root.get(Envelope.PARAMS),
                root.has(Envelope.DESTINATION) ? root.get(Envelope.DESTINATION).textValue() : null,
                (ObjectNode) root.get(Envelope.OPTIONS));
    }

    /**
     * An item's own text, as compact JSON: the same item always gives the same bytes, whichever batch or layout it
     * comes in, so a batch read again after a crash maps each item to the job it already started.
     */
    private static byte[] compactJson(JsonNode item) {
        try {
            return COMPACT.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request cannot be written as JSON", e);
        }
    }

    /**
     * The id of a request that brings none: a digest of the exact bytes, so a document re-read after a crash
     * maps to the job it already started instead of starting a second one.
     */
    static String generatedId(byte[] document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document);
            return GENERATED_ID_PREFIX + HexFormat.of().formatHex(digest).substring(0, GENERATED_ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
