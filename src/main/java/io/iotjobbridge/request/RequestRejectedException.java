package io.iotjobbridge.request;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A job request the bridge will not run, with every reason found. Rule texts quote user values only in short,
 * escaped form (see {@link io.iotjobbridge.request.spec.Describe}), so this message is safe to log and to send back.
 */
public final class RequestRejectedException extends RuntimeException {

    /** Enough to act on; a document with thousands of stray fields should not make a megabyte log line. */
    static final int MAX_IN_MESSAGE = 50;

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public RequestRejectedException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    public RequestRejectedException(String field, String rule) {
        this(List.of(new Violation(field, rule)));
    }

    /** Every violation, in the order found. */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation");
        }
        String shown = violations.stream().limit(MAX_IN_MESSAGE).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int hidden = violations.size() - MAX_IN_MESSAGE;
        return hidden > 0 ? shown + "; and " + hidden + " more" : shown;
    }
}
