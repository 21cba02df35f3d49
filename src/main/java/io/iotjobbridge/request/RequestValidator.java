package io.iotjobbridge.request;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.request.spec.StringSpec;
import io.iotjobbridge.request.spec.Validation;
import io.iotjobbridge.vendor.Vendor;

/**
 * Checks a parsed request against what this bridge is configured for and what the vendor documents: the
 * account and destination exist, the operation is supported, and its params obey the operation's spec.
 * Reports every violation at once. Thread-safe.
 */
public final class RequestValidator {

    private final OperationCatalog catalog;
    private final BiPredicate<Vendor, String> accountConfigured;
    private final SortedSet<String> destinations;
    private final Clock clock;

    /**
     * @param accountConfigured whether {@code bridge.accounts.<account>.<vendor>.*} is defined
     * @param destinations      names of the configured destinations
     * @param clock             for rules relative to now (e.g. a scheduled start)
     */
    public RequestValidator(OperationCatalog catalog, BiPredicate<Vendor, String> accountConfigured,
                            Set<String> destinations, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.accountConfigured = Objects.requireNonNull(accountConfigured, "accountConfigured");
        this.destinations = new TreeSet<>(destinations);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws RequestRejectedException listing every violation found */
    public void validate(JobRequest request) {
        List<Violation> violations = new ArrayList<>();
        Validation validation = new Validation(clock, (f, r) -> violations.add(new Violation(f, r)));
        // A request built by hand (not by RequestParser) gets the same envelope rules.
        checkName(Envelope.ID, request.id(), Envelope.ID_SPEC, validation);
        Vendor vendor = request.vendor();
        if (vendor == null) {
            validation.fail(Envelope.VENDOR, "is required");
        }
        if (checkName(Envelope.ACCOUNT, request.account(), Envelope.NAME_SPEC, validation) && vendor != null
                && !accountConfigured.test(vendor, request.account())) {
            String name = Describe.text(request.account());
            validation.fail(Envelope.ACCOUNT, Describe.quote(request.account()) + " is not configured for " + vendor
                    + " (define bridge.accounts." + name + "." + vendor + ".*)");
        }
        if (checkName(Envelope.DESTINATION, request.destination(), Envelope.NAME_SPEC, validation)
                && !destinations.contains(request.destination())) {
            validation.fail(Envelope.DESTINATION, Describe.quote(request.destination()) + " is not configured; "
                    + "configured: " + listOrNone(destinations));
        }
        Optional<OperationSpec> operation = findOperation(vendor, request.operation(), validation);
        ObjectNode params = request.params();
        if (params == null) {
            validation.fail(Envelope.PARAMS, "is required");
        } else {
            operation.ifPresent(spec -> spec.params().check(params, Envelope.PARAMS, validation));
        }
        operation.ifPresent(spec -> spec.options().check(request.options(), Envelope.OPTIONS, validation));
        if (!violations.isEmpty()) {
            throw new RequestRejectedException(violations);
        }
    }

    private Optional<OperationSpec> findOperation(Vendor vendor, String operation, Validation validation) {
        if (!checkName(Envelope.OPERATION, operation, Envelope.OPERATION_SPEC, validation) || vendor == null) {
            return Optional.empty();
        }
        Optional<OperationSpec> spec = catalog.find(vendor, operation);
        if (spec.isEmpty()) {
            SortedSet<String> supported = catalog.supported(vendor);
            String hint = supported.stream().filter(name -> name.equalsIgnoreCase(operation)).findFirst()
                    .map(name -> " (did you mean '" + name + "'?)").orElse("");
            validation.fail(Envelope.OPERATION, Describe.quote(operation) + " is not supported for vendor " + vendor
                    + hint + "; supported: " + listOrNone(supported));
        }
        return spec;
    }

    /** Applies an envelope string rule to a hand-set value; true when the value is present and well-formed. */
    private static boolean checkName(String field, String value, StringSpec spec, Validation validation) {
        if (value == null) {
            validation.fail(field, "is required");
            return false;
        }
        int before = validation.failures();
        spec.check(TextNode.valueOf(value), field, validation);
        return validation.failures() == before;
    }

    private static String listOrNone(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
