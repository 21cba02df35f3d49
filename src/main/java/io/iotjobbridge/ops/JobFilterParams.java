package io.iotjobbridge.ops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.iotjobbridge.ledger.JobQueries;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.request.Violation;
import io.iotjobbridge.vendor.Vendor;

/**
 * Reads {@code GET /api/jobs}' query parameters into a {@link JobQueries.Filter}, naming every parameter that breaks
 * its rule rather than ignoring it: a typo in a filter must not silently list everything.
 */
final class JobFilterParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final List<Violation> violations = new ArrayList<>();

    /** The filter, or the violations when a parameter breaks its rule. */
    record Parsed(JobQueries.Filter filter, List<Violation> violations) {
    }

    static Parsed parse(Function<String, String> param) {
        return new JobFilterParams().read(param);
    }

    private Parsed read(Function<String, String> param) {
        Set<JobState> states = states(param.apply("state"));
        Vendor vendor = vendor(param.apply("vendor"));
        String operation = blankToNull(param.apply("operation"));
        Instant since = time("since", param.apply("since"));
        Instant until = time("until", param.apply("until"));
        int limit = limit(param.apply("limit"));
        if (since != null && until != null && !since.isBefore(until)) {
            violations.add(new Violation("until", "must be later than since"));
        }
        return new Parsed(violations.isEmpty()
                ? new JobQueries.Filter(states, vendor, operation, since, until, limit) : null, List.copyOf(violations));
    }

    private Set<JobState> states(String value) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        if (blankToNull(value) == null) {
            return states;
        }
        for (String name : value.split(",")) {
            try {
                states.add(JobState.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("state", "must be one or more of " + Arrays.stream(JobState.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + " separated by commas, not '"
                        + name.strip() + "'"));
            }
        }
        return states;
    }

    private Vendor vendor(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return Vendor.fromWireName(value.strip()).orElseGet(() -> {
            violations.add(new Violation("vendor", "must be aliyun or huawei"));
            return null;
        });
    }

    private Instant time(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be an ISO-8601 UTC time such as 2026-11-24T08:00:00Z"));
            return null;
        }
    }

    private int limit(String value) {
        if (blankToNull(value) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
