package io.iotjobbridge.request;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.request.spec.Describe;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML to the same kind of tree {@link JsonTreeReader} builds. SnakeYAML only composes the node graph (its
 * constructor, which can instantiate classes from tags, is never used); this class turns nodes into JSON values
 * itself, so it decides every type:
 * <ul>
 * <li>plain scalars follow the YAML 1.2 JSON-like rules: {@code true}/{@code false}, {@code null}/{@code ~},
 *     decimal integers and decimals; {@code yes}, {@code 0x1F}, {@code 0777}-as-octal, {@code 1_000} and dates stay
 *     strings, so nothing is reinterpreted behind the user's back;</li>
 * <li>explicit tags other than the core {@code !!str !!int !!float !!bool !!null !!seq !!map} are rejected;</li>
 * <li>aliases are limited in number and in how far they expand; duplicate and merge ({@code <<}) keys are errors.</li>
 * </ul>
 */
final class YamlTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Same digit limit Jackson applies to JSON numbers. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** How SnakeYAML's composer words a refusal by the tag inspector. */
    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed:";

    private final int maxCodePoints;
    private final int maxDepth;
    private final int maxAliases;

    YamlTreeReader(int maxCodePoints, int maxDepth, int maxAliases) {
        this.maxCodePoints = maxCodePoints;
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
    }

    /** The document's tree, or null when the document holds no value at all (only comments or markers). */
    JsonNode read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(maxAliases);
            options.setCodePointLimit(maxCodePoints);
            // One more than ours so our own depth check, which also sees through aliases, speaks first.
            options.setNestingDepthLimit(maxDepth + 1);
            options.setAllowRecursiveKeys(false);
            options.setMergeOnCompose(false);
            options.setProcessComments(false);
            options.setTagInspector(tag -> false);
            root = new Composer(new ParserImpl(new StreamReader(text), options), new CoreResolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            if (e.getProblem() != null && e.getProblem().startsWith(GLOBAL_TAG_REFUSED)) {
                // Our tag inspector refused a class-naming tag; say so in the same words as for any other tag.
                String tag = e.getProblem().substring(GLOBAL_TAG_REFUSED.length()).strip();
                throw unsupported(e.getProblemMark(), tagRule(tag));
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            throw ParserMessages.syntax("YAML", mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, problem);
        } catch (YAMLException e) {
            throw limitExceeded(e);
        }
        // "---" alone is a document whose only node is an empty scalar: as empty as a file of comments.
        boolean nothing = root == null || root instanceof ScalarNode scalar && scalar.getValue().isEmpty()
                && Tag.NULL.equals(scalar.getTag());
        return nothing ? null : new Converter(2L * maxCodePoints).convert(root, "", 1);
    }

    private RequestRejectedException limitExceeded(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Number of aliases")) {
            return new RequestRejectedException("request",
                    "the YAML document uses more than " + maxAliases + " aliases");
        }
        if (message.contains("Nesting Depth")) {
            return ParserMessages.tooDeep(maxDepth);
        }
        if (message.contains("exceeds the limit")) {
            return new RequestRejectedException("request",
                    "the document is larger than " + maxCodePoints + " characters");
        }
        return ParserMessages.syntax("YAML", 0, 0, message);
    }

    private static RequestRejectedException unsupported(Node node, String what) {
        return unsupported(node.getStartMark(), what);
    }

    private static RequestRejectedException unsupported(Mark mark, String what) {
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        return new RequestRejectedException("request", "unsupported YAML" + where + ": " + what);
    }

    private static RequestRejectedException unsupportedTag(Node node) {
        return unsupported(node, tagRule(node.getTag().getValue()));
    }

    private static String tagRule(String tag) {
        String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return "tag " + Describe.quote(shown)
                + " is not allowed; use plain strings, numbers, true/false, null, lists and mappings";
    }

    /**
     * One conversion. Aliases make the node graph a DAG (or a cycle), so a small document can stand for a huge
     * tree; every produced value spends from a budget, and depth is counted on the expanded tree.
     */
    private final class Converter {

        private long budget;

        Converter(long budget) {
            this.budget = budget;
        }

        JsonNode convert(Node node, String path, int depth) {
            spend(1);
            if (node instanceof ScalarNode scalar) {
                spend(scalar.getValue().length());
                return scalar(scalar);
            }
            if (depth > maxDepth) {
                throw ParserMessages.tooDeep(maxDepth);
            }
            if (node instanceof SequenceNode sequence) {
                requireTag(node, Tag.SEQ);
                ArrayNode array = NODES.arrayNode();
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, Describe.index(path, array.size()), depth + 1));
                }
                return array;
            }
            if (node instanceof MappingNode mapping) {
                requireTag(node, Tag.MAP);
                return mapping(mapping, path, depth);
            }
            throw unsupported(node, "node kind " + node.getNodeId());
        }

        private ObjectNode mapping(MappingNode mapping, String path, int depth) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw unsupported(tuple.getKeyNode(), "keys must be plain text, not lists or mappings");
                }
                if (key.isPlain() && "<<".equals(key.getValue())) {
                    throw unsupported(key, "merge keys ('<<') are not supported");
                }
                String name = key.getValue();
                String childPath = Describe.child(path, name);
                if (object.has(name)) {
                    throw ParserMessages.duplicate(childPath);
                }
                spend(name.length());
                object.set(name, convert(tuple.getValueNode(), childPath, depth + 1));
            }
            return object;
        }

        private JsonNode scalar(ScalarNode node) {
            Tag tag = node.getTag();
            String value = node.getValue();
            if (Tag.STR.equals(tag)) {
                return NODES.textNode(value);
            }
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                if (CoreResolver.TRUE.matcher(value).matches()) {
                    return NODES.booleanNode(true);
                }
                if (CoreResolver.FALSE.matcher(value).matches()) {
                    return NODES.booleanNode(false);
                }
                throw unsupported(node, "a !!bool value must be true or false");
            }
            if (Tag.INT.equals(tag)) {
                if (value.length() > MAX_NUMBER_LENGTH || !CoreResolver.INT.matcher(value).matches()) {
                    throw unsupported(node, "an integer must be written in decimal with at most "
                            + MAX_NUMBER_LENGTH + " digits");
                }
                return NODES.numberNode(new BigInteger(value));
            }
            if (Tag.FLOAT.equals(tag)) {
                return decimal(node, value);
            }
            throw unsupportedTag(node);
        }

        private JsonNode decimal(ScalarNode node, String value) {
            if (value.length() <= MAX_NUMBER_LENGTH && CoreResolver.FLOAT.matcher(value).matches()) {
                try {
                    return NODES.numberNode(new BigDecimal(value));
                } catch (NumberFormatException | ArithmeticException e) {
                    // exponent beyond what BigDecimal holds: reported below like any other bad number
                }
            }
            throw unsupported(node, "a decimal number must be finite and written with at most "
                    + MAX_NUMBER_LENGTH + " characters");
        }

        private void requireTag(Node node, Tag expected) {
            if (!expected.equals(node.getTag())) {
                throw unsupportedTag(node);
            }
        }

        private void spend(long amount) {
            budget -= amount;
            if (budget < 0) {
                throw new RequestRejectedException("request", "YAML aliases expand the document beyond its size limit");
            }
        }
    }

    /**
     * Implicit typing of plain scalars as YAML 1.2's JSON-compatible core schema does it, instead of SnakeYAML's
     * YAML 1.1 defaults where {@code no} is false, {@code 012} is octal 10 and {@code 2022-07-20} is a timestamp.
     */
    static final class CoreResolver extends Resolver {

        static final Pattern TRUE = Pattern.compile("true|True|TRUE");
        static final Pattern FALSE = Pattern.compile("false|False|FALSE");
        static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
        static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
        static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
        static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "tfTF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile(""), null);
        }
    }
}
