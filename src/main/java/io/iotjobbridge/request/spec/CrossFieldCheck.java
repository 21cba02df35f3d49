package io.iotjobbridge.request.spec;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule over several fields of one object. {@link ObjectSpec} runs it only when none of {@link #fields()} broke
 * its own rule, so a check may assume each named field is either absent or well-formed.
 */
public interface CrossFieldCheck {

    /** The fields this check reads. */
    List<String> fields();

    /** @param path the object's own path ("" at the top level) */
    void check(ObjectNode object, String path, Validation validation);

    /** {@code later} must be strictly greater than {@code earlier}: "must be later than params.StartTime; was equal to it". */
    static CrossFieldCheck after(String later, String earlier) {
        return new Simple(List.of(later, earlier), (object, path, validation) -> {
            Optional<BigInteger> end = integer(object, later);
            Optional<BigInteger> start = integer(object, earlier);
            if (end.isEmpty() || start.isEmpty()) {
                return;
            }
            int order = end.get().compareTo(start.get());
            if (order > 0) {
                return;
            }
            String was = order == 0
                    ? "was equal to it"
                    : "was " + spanOf(start.get().subtract(end.get())) + " earlier";
            validation.fail(Describe.child(path, later),
                    "must be later than " + Describe.child(path, earlier) + "; " + was);
        });
    }

    /**
     * {@code later} may be at most {@code span} after {@code earlier}, both epoch milliseconds:
     * "must be at most 3 days (259200000 ms) after params.StartTime; was 4 days". Order is left to {@link #after}.
     */
    static CrossFieldCheck atMostAfter(String later, String earlier, Duration span) {
        long limit = span.toMillis();
        return new Simple(List.of(later, earlier), (object, path, validation) -> {
            Optional<BigInteger> end = integer(object, later);
            Optional<BigInteger> start = integer(object, earlier);
            if (end.isEmpty() || start.isEmpty()) {
                return;
            }
            BigInteger gap = end.get().subtract(start.get());
            if (gap.compareTo(BigInteger.valueOf(limit)) > 0) {
                validation.fail(Describe.child(path, later), "must be at most " + Describe.span(limit) + " (" + limit
                        + " ms) after " + Describe.child(path, earlier) + "; was " + spanOf(gap));
            }
        });
    }

    /** At least one of the fields must be present: "needs at least one of JobId, Device". */
    static CrossFieldCheck atLeastOneOf(String... names) {
        List<String> fields = Arrays.asList(names.clone());
        return new Simple(fields, (object, path, validation) -> {
            if (fields.stream().noneMatch(object::has)) {
                validation.fail(path.isEmpty() ? "request" : path,
                        "needs at least one of " + String.join(", ", fields));
            }
        });
    }

    /** A custom check: the fields it reads (for the skip-if-broken rule) and what it does. */
    static CrossFieldCheck of(List<String> fields, Body body) {
        return new Simple(fields, body);
    }

    private static Optional<BigInteger> integer(ObjectNode object, String name) {
        JsonNode node = object.get(name);
        return node != null && node.isIntegralNumber() ? Optional.of(node.bigIntegerValue()) : Optional.empty();
    }

    private static String spanOf(BigInteger millis) {
        return millis.bitLength() < 63 ? Describe.spanWithMillis(millis.longValue()) : millis + " ms";
    }

    /** The body of a check, so the factories above stay one lambda each. */
    @FunctionalInterface
    interface Body {
        void check(ObjectNode object, String path, Validation validation);
    }

    /** A check made of its field list and a body; build one with {@link #of}. */
    record Simple(List<String> fields, Body body) implements CrossFieldCheck {

        public Simple {
            fields = List.copyOf(fields);
        }

        @Override
        public void check(ObjectNode object, String path, Validation validation) {
            body.check(object, path, validation);
        }
    }
}
