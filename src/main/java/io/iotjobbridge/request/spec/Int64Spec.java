package io.iotjobbridge.request.spec;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON integer that fits a signed 64-bit long (the vendors' {@code integer<int64>}). Only integer tokens pass:
 * {@code 1.5}, {@code 1e3}, {@code 1.0}, {@code "123"} and {@code true} are all rejected rather than coerced,
 * because coercion is exactly how a request would silently mean something else.
 */
public final class Int64Spec implements ValueSpec {

    static final Int64Spec ANY = new Int64Spec(List.of());

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<NumberRule> rules;

    private Int64Spec(List<NumberRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** "must be at least 0; was -1". */
    public Int64Spec min(long min) {
        BigInteger bound = BigInteger.valueOf(min);
        return with((value, validation) -> value.compareTo(bound) < 0
                ? Optional.of("must be at least " + min + "; was " + shown(value))
                : Optional.empty());
    }

    /** "must be at most 50; was 51". */
    public Int64Spec max(long max) {
        BigInteger bound = BigInteger.valueOf(max);
        return with((value, validation) -> value.compareTo(bound) > 0
                ? Optional.of("must be at most " + max + "; was " + shown(value))
                : Optional.empty());
    }

    /**
     * At most 2^53 - 1. Alibaba's docs warn that larger int64 values lose precision on their way through
     * serialisation, so such a value would reach the vendor as a different number.
     */
    public Int64Spec jsSafe() {
        BigInteger bound = BigInteger.valueOf(Specs.MAX_SAFE_INTEGER);
        return with((value, validation) -> value.compareTo(bound) > 0
                ? Optional.of("must not be greater than " + Specs.MAX_SAFE_INTEGER
                        + ", because larger values lose precision in serialisation; was " + shown(value))
                : Optional.empty());
    }

    /**
     * An epoch-millisecond instant between {@code earliest} and {@code latest} from now, by the validation's clock
     * (e.g. a scheduled time "10 min to 7 days ahead"). Negative durations mean the past.
     */
    public Int64Spec epochMillisFromNow(Duration earliest, Duration latest) {
        if (latest.compareTo(earliest) < 0) {
            throw new IllegalArgumentException("latest before earliest");
        }
        return with((value, validation) -> {
            long now = validation.clock().millis();
            BigInteger offset = value.subtract(BigInteger.valueOf(now));
            boolean early = offset.compareTo(BigInteger.valueOf(earliest.toMillis())) < 0;
            boolean late = offset.compareTo(BigInteger.valueOf(latest.toMillis())) > 0;
            if (!early && !late) {
                return Optional.empty();
            }
            String was = offset.bitLength() >= 63
                    ? "was " + shown(value)
                    : offset.signum() < 0
                            ? "was " + Describe.span(offset.longValue()) + " ago"
                            : "was " + Describe.span(offset.longValue()) + " from now";
            return Optional.of("must be between " + relative(earliest) + " and " + relative(latest)
                    + " (now is " + validation.clock().instant() + "); " + was);
        });
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isIntegralNumber()) {
            validation.fail(path, "must be an integer; was " + Describe.kind(value));
            return;
        }
        BigInteger number = value.bigIntegerValue();
        int before = validation.failures();
        boolean fits = number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0;
        for (NumberRule rule : rules) {
            rule.violation(number, validation).ifPresent(broken -> validation.fail(path, broken));
        }
        // A bound already explains an out-of-range value better than the generic 64-bit rule does.
        if (!fits && validation.failures() == before) {
            validation.fail(path, "must fit in a signed 64-bit integer; was " + shown(number));
        }
    }

    /** A long number (up to the parser's digit limit) is cut like any other echoed text. */
    private static String shown(BigInteger value) {
        return Describe.text(value.toString());
    }

    private static String relative(Duration duration) {
        long millis = duration.toMillis();
        return millis < 0 ? Describe.span(millis) + " ago" : Describe.span(millis) + " from now";
    }

    private Int64Spec with(NumberRule rule) {
        List<NumberRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Int64Spec(more);
    }

    /** One rule over the exact value; gets the validation for its clock. */
    @FunctionalInterface
    private interface NumberRule {
        Optional<String> violation(BigInteger value, Validation validation);
    }
}
