package io.iotjobbridge.request;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.request.spec.Validation;
import io.iotjobbridge.vendor.Vendor;

/**
 * Reads one job request document (JSON or YAML) into a {@link JobRequest}, or rejects it with every structural
 * problem found: not text, syntax, duplicate keys, unknown or mistyped top-level fields, an unknown vendor.
 * Whether the account, destination, operation and params are acceptable is {@link RequestValidator}'s job.
 * Thread-safe.
 */
public final class RequestParser {

    public static final int DEFAULT_MAX_CODE_POINTS = 1024 * 1024;
    /** Real requests nest three or four levels; the bound keeps a hostile document from exhausting the stack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** A hand-written request has no need for many anchors; the bound defuses "billion laughs" documents. */
    public static final int MAX_YAML_ALIASES = 20;

    private static final String GENERATED_ID_PREFIX = "req-";
    private static final int GENERATED_ID_HEX_CHARS = 24;

    private final int maxCodePoints;
    private final JsonTreeReader json;
    private final YamlTreeReader yaml;

    public RequestParser() {
        this(DEFAULT_MAX_CODE_POINTS);
    }

    /** @param maxCodePoints the largest document accepted, in characters (code points) */
    public RequestParser(int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        this.maxCodePoints = maxCodePoints;
        this.json = new JsonTreeReader(MAX_NESTING_DEPTH, maxCodePoints);
        this.yaml = new YamlTreeReader(maxCodePoints, MAX_NESTING_DEPTH, MAX_YAML_ALIASES);
    }

    /**
     * @param document the raw bytes, UTF-8; JSON when the first non-whitespace character is '{', YAML otherwise
     * @throws RequestRejectedException with every problem found
     */
    public JobRequest parse(byte[] document) {
        String text = DocumentText.decode(document, maxCodePoints);
        JsonNode root = DocumentText.looksLikeJson(text) ? json.read(text) : yaml.read(text);
        if (root == null) {
            throw DocumentText.empty();
        }
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
                root.has(Envelope.ID) ? root.get(Envelope.ID).textValue() : generatedId(document),
                Vendor.fromWireName(root.get(Envelope.VENDOR).textValue()).orElseThrow(),
                root.get(Envelope.ACCOUNT).textValue(),
                root.get(Envelope.OPERATION).textValue(),
                (ObjectNode) root.get(Envelope.PARAMS),
                root.has(Envelope.DESTINATION) ? root.get(Envelope.DESTINATION).textValue() : null,
                (ObjectNode) root.get(Envelope.OPTIONS));
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
