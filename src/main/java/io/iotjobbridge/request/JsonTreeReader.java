package io.iotjobbridge.request;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.iotjobbridge.request.spec.Describe;

/** Strict JSON to a tree: duplicate keys, trailing content and excessive nesting are errors, numbers stay exact. */
final class JsonTreeReader {

    private final JsonMapper mapper;
    private final int maxDepth;

    JsonTreeReader(int maxDepth, int maxStringLength) {
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                // Integers as BigInteger and decimals as BigDecimal: a value above 2^53 - 1 or a fraction must
                // reach validation as written, not rounded through a double.
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    JsonNode read(String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (parser.nextToken() != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw ParserMessages.syntax("JSON", at.getLineNr(), at.getColumnNr(),
                            "unexpected content after the closing '}'");
                }
                return root;
            } catch (StreamConstraintsException e) {
                throw limitExceeded(e);
            } catch (JsonParseException e) {
                String message = e.getOriginalMessage();
                if (message != null && message.startsWith("Duplicate")) {
                    throw ParserMessages.duplicate(pathOf(parser.getParsingContext()));
                }
                throw syntax(e);
            } catch (JsonProcessingException e) {
                throw syntax(e);
            } catch (NumberFormatException | ArithmeticException e) {
                // Jackson reads a decimal's value as it builds the tree, and throws these (not a parse exception)
                // for one it cannot hold, such as 1e658406464534; left alone, the document would fail its intake
                // again on every attempt instead of being rejected
                JsonLocation at = parser.currentTokenLocation();
                throw ParserMessages.syntax("JSON", at.getLineNr(), at.getColumnNr(),
                        "a number is too large to be read");
            }
        } catch (IOException e) {
            // Reading from a String only fails for the reasons handled above; keep the message generic if not.
            throw ParserMessages.syntax("JSON", 0, 0, "unreadable document");
        }
    }

    private RequestRejectedException limitExceeded(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return ParserMessages.tooDeep(maxDepth);
        }
        return syntax(e);
    }

    private static RequestRejectedException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return ParserMessages.syntax("JSON", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                e.getOriginalMessage());
    }

    /** The path of the key being read, e.g. {@code params.FileConfig.fileName}, from the parser's contexts. */
    private static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "";
        for (JsonStreamContext c : chain) {
            if (c.inObject()) {
                path = Describe.child(path, String.valueOf(c.getCurrentName()));
            } else if (c.inArray()) {
                path = Describe.index(path, Math.max(c.getCurrentIndex(), 0));
            }
        }
        return path.isEmpty() ? "request" : path;
    }
}
