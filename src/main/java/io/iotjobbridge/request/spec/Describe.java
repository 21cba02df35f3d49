package io.iotjobbridge.request.spec;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How rule texts mention values, paths and durations. Everything user-supplied that ends up in a message goes
 * through here, so a message can never carry a long blob (a pasted key, a file) or invisible/binary characters.
 */
public final class Describe {

    /** Longest user-supplied text a message repeats; longer values are cut, enough to recognise a typo. */
    public static final int MAX_QUOTED = 64;

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private Describe() {
    }

    /** "a string", "an integer", ...: what the user wrote, for "must be X; was Y". */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "an unsupported value";
    }

    /** {@code 'value'}, cut to {@value #MAX_QUOTED} code points and with invisible characters escaped. */
    public static String quote(String value) {
        return "'" + text(value) + "'";
    }

    /** Like {@link #quote} without the quotes, for values embedded in hints such as property names. */
    public static String text(String value) {
        return text(value, MAX_QUOTED);
    }

    /** {@link #text(String)} with another cap, for longer texts such as a parser's own explanation. */
    public static String text(String value, int maxCodePoints) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int[] codePoints = value.codePoints().toArray();
        int shown = Math.min(codePoints.length, maxCodePoints);
        for (int i = 0; i < shown; i++) {
            int cp = codePoints[i];
            if (isInvisible(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (codePoints.length > shown) {
            out.append('…');
        }
        return out.toString();
    }

    /** The path of a member: {@code params} + {@code StartTime} = {@code params.StartTime}. */
    public static String child(String path, String name) {
        String safe = name.isEmpty() ? "''" : text(name);
        return path == null || path.isEmpty() ? safe : path + "." + safe;
    }

    /** The path of a list element: {@code targets[3]}. */
    public static String index(String path, int index) {
        return (path == null || path.isEmpty() ? "request" : path) + "[" + index + "]";
    }

    /** "3 days", "1 day 2 h", "250 ms": a duration in words, largest unit first. */
    public static String span(long millis) {
        return String.join(" ", spanParts(millis));
    }

    /** {@link #span} plus the exact milliseconds when the words use more than one unit: "3 days 1 ms (259200001 ms)". */
    public static String spanWithMillis(long millis) {
        List<String> parts = spanParts(millis);
        String words = String.join(" ", parts);
        return parts.size() <= 1 ? words : words + " (" + Math.abs(millis) + " ms)";
    }

    private static List<String> spanParts(long millis) {
        long rest = Math.abs(millis);
        List<String> parts = new ArrayList<>();
        if (rest == 0) {
            parts.add("0 ms");
            return parts;
        }
        long days = rest / DAY;
        rest %= DAY;
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        addPart(parts, rest / HOUR, "h");
        rest %= HOUR;
        addPart(parts, rest / MINUTE, "min");
        rest %= MINUTE;
        addPart(parts, rest / SECOND, "s");
        addPart(parts, rest % SECOND, "ms");
        return parts;
    }

    private static void addPart(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit);
        }
    }

    private static boolean isInvisible(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
