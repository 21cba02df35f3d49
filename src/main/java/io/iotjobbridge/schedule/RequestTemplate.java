package io.iotjobbridge.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.iotjobbridge.request.RequestIds;

/**
 * A job request document (JSON or YAML, as dropped in the inbox) with {@code ${...}} placeholders in its string
 * values, rendered at each fire. A value that is exactly one placeholder takes the placeholder's type (window
 * instants become numbers); a placeholder inside a longer string is replaced by its text.
 */
public final class RequestTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    // YAML is a superset of JSON, so one reader takes both
    private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document;
    private final Set<String> placeholders;

    private RequestTemplate(ObjectNode document, Set<String> placeholders) {
        this.document = document;
        this.placeholders = placeholders;
    }

    /** @throws IllegalArgumentException when the file cannot be read, is no mapping, or names an unknown placeholder */
    public static RequestTemplate load(Path file) {
        JsonNode root;
        try {
            root = READER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON or YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " must hold one request: a mapping of field names to values");
        }
        if (root.has("id") && !root.get("id").isTextual()) {
            throw new IllegalArgumentException(file + ": id must be text");
        }
        Set<String> used = new TreeSet<>();
        visitText(root, "", (path, text) -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!ScheduleFire.PLACEHOLDERS.contains(m.group(1))) {
                    throw new IllegalArgumentException(file + ": unknown placeholder ${" + m.group(1) + "} in " + path
                            + "; known: " + ScheduleFire.PLACEHOLDERS.stream().map(p -> "${" + p + "}").toList());
                }
                used.add(m.group(1));
            }
        });
        return new RequestTemplate((ObjectNode) root, used);
    }

    /** Whether the template uses a {@code ${window.*}} placeholder, so its schedule needs a window. */
    public boolean usesWindow() {
        return placeholders.stream().anyMatch(p -> p.startsWith("window."));
    }

    /**
     * The request for one fire, as JSON. Its id is {@code defaultId}, or the template's own id with the fire time
     * appended, so every fire of a schedule is a request of its own and the same fire is always the same request.
     */
    public byte[] render(ScheduleFire fire, String defaultId) {
        ObjectNode request = document.deepCopy();
        replaceAll(request, fire);
        String id = request.has("id") ? RequestIds.derived(request.get("id").asText(), "-" + fire.compactUtc())
                : defaultId;
        request.put("id", id);
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rendered request cannot be written as JSON", e);
        }
    }

    private static void replaceAll(JsonNode node, ScheduleFire fire) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(rendered(field.getValue().textValue(), fire));
                } else {
                    replaceAll(field.getValue(), fire);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, rendered(array.get(i).textValue(), fire));
                } else {
                    replaceAll(array.get(i), fire);
                }
            }
        }
    }

    private static JsonNode rendered(String text, ScheduleFire fire) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return value(whole.group(1), fire);
        }
        return TextNode.valueOf(PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                value(m.group(1), fire).asText())));
    }

    private static JsonNode value(String placeholder, ScheduleFire fire) {
        return fire.value(placeholder).orElseThrow(() -> new IllegalStateException(
                "${" + placeholder + "} has no value: the schedule has no window"));
    }

    private static void visitText(JsonNode node, String path, BiConsumer<String, String> visitor) {
        if (node.isTextual()) {
            visitor.accept(path, node.textValue());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> visitText(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "." + f.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitText(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
