package io.iotjobbridge.request.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON string. Lengths count Unicode code points, the way a person counts characters, not UTF-16 units.
 * Bounds (blank, length) are checked first; content rules run only on a string within bounds, because "too long"
 * and "contains '/'" on a 10 000-character paste is noise.
 */
public final class StringSpec implements ValueSpec {

    static final StringSpec ANY = new StringSpec(false, null, null, List.of());

    private final boolean nonBlank;
    private final Integer minLength;
    private final Integer maxLength;
    private final List<ContentRule> rules;

    private StringSpec(boolean nonBlank, Integer minLength, Integer maxLength, List<ContentRule> rules) {
        this.nonBlank = nonBlank;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.rules = List.copyOf(rules);
    }

    /** Rejects "" and whitespace-only strings: "must not be blank". */
    public StringSpec nonBlank() {
        return new StringSpec(true, minLength, maxLength, rules);
    }

    /** "must be 1 to 64 characters long; was 65". */
    public StringSpec length(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad length bounds " + min + ".." + max);
        }
        return new StringSpec(nonBlank, min, max, rules);
    }

    /** "must be at least 4 characters long; was 2". */
    public StringSpec minLength(int min) {
        if (min < 0) {
            throw new IllegalArgumentException("bad minimum length " + min);
        }
        return new StringSpec(nonBlank, min, maxLength, rules);
    }

    /** "must be at most 128 characters long; was 129". */
    public StringSpec maxLength(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("bad maximum length " + max);
        }
        return new StringSpec(nonBlank, minLength, max, rules);
    }

    /** The whole string must match {@code regex}; {@code rule} says in words what that means. */
    public StringSpec matches(String regex, String rule) {
        Pattern pattern = Pattern.compile(regex);
        return satisfies(s -> pattern.matcher(s).matches(), rule);
    }

    /** Any condition with its plain-words rule, e.g. {@code satisfies(s -> !s.startsWith("."), "must not start with '.'")}. */
    public StringSpec satisfies(Predicate<String> test, String rule) {
        return with(value -> test.test(value) ? Optional.empty() : Optional.of(rule));
    }

    /** "must not contain control characters" (C0, DEL and C1). */
    public StringSpec noControlCharacters() {
        return satisfies(s -> s.codePoints().noneMatch(Character::isISOControl), "must not contain control characters");
    }

    /** A closed set, compared exactly: "must be one of A, B; was 'c'" (or "must be TABLE; was 'c'" for one value). */
    public StringSpec oneOf(String... allowed) {
        return oneOf(List.of(allowed));
    }

    public StringSpec oneOf(Collection<String> allowed) {
        Set<String> set = new LinkedHashSet<>(allowed);
        if (set.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        String expected = set.size() == 1 ? set.iterator().next() : "one of " + String.join(", ", set);
        return with(value -> set.contains(value)
                ? Optional.empty()
                : Optional.of("must be " + expected + "; was " + Describe.quote(value)));
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isTextual()) {
            validation.fail(path, "must be a string; was " + Describe.kind(value));
            return;
        }
        String text = value.textValue();
        Optional<String> bounds = checkBounds(text);
        if (bounds.isPresent()) {
            validation.fail(path, bounds.get());
            return;
        }
        for (ContentRule rule : rules) {
            rule.violation(text).ifPresent(broken -> validation.fail(path, broken));
        }
    }

    private Optional<String> checkBounds(String text) {
        if (nonBlank && text.isBlank()) {
            return Optional.of("must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        boolean tooShort = minLength != null && length < minLength;
        boolean tooLong = maxLength != null && length > maxLength;
        if (!tooShort && !tooLong) {
            return Optional.empty();
        }
        return Optional.of(lengthRule() + "; was " + length);
    }

    private String lengthRule() {
        if (minLength != null && maxLength != null) {
            return minLength.equals(maxLength)
                    ? "must be exactly " + minLength + " characters long"
                    : "must be " + minLength + " to " + maxLength + " characters long";
        }
        return minLength != null
                ? "must be at least " + minLength + " characters long"
                : "must be at most " + maxLength + " characters long";
    }

    private StringSpec with(ContentRule rule) {
        List<ContentRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new StringSpec(nonBlank, minLength, maxLength, more);
    }

    /** One content rule: the broken-rule text for a value, or empty when the value obeys it. */
    @FunctionalInterface
    private interface ContentRule {
        Optional<String> violation(String value);
    }
}
