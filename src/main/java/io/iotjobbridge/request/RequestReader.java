package io.iotjobbridge.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a document's requests all or nothing: every item of a batch is parsed and validated, and each broken rule is
 * located in the batch ({@code [3].params.StartTime}, {@code line 4: params.StartTime}). The file drop, the status
 * API and the command line's offline {@code validate} all read through here, so they reject with the same texts.
 */
public final class RequestReader {

    private final RequestParser parser;
    private final RequestValidator validator;

    public RequestReader(RequestParser parser, RequestValidator validator) {
        this.parser = parser;
        this.validator = validator;
    }

    /** Every request of a document, or every rule its items break. */
    public Reading read(byte[] document, RequestLayout layout) {
        List<JobRequest> requests = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try {
            for (RequestBatch.Item item : parser.parseAll(document, layout).items()) {
                try {
                    JobRequest request = item.request();
                    validator.validate(request);
                    requests.add(request);
                } catch (RequestRejectedException e) {
                    e.violations().stream().map(item.position()::locate).forEach(violations::add);
                }
            }
        } catch (RequestRejectedException e) {
            violations.addAll(e.violations());
        }
        return new Reading(requests, violations);
    }

    /**
     * What a document holds: its requests when {@code violations} is empty, else the rules it breaks.
     *
     * @param requests   the valid requests, in document order (incomplete when any item broke a rule)
     * @param violations every rule broken, each field prefixed by its item's place in a batch
     */
    public record Reading(List<JobRequest> requests, List<Violation> violations) {

        public Reading {
            requests = List.copyOf(requests);
            violations = List.copyOf(violations);
        }
    }
}
