package io.iotjobbridge.request;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.vendor.Vendor;

/**
 * A job request as the user wrote it, after parsing and before validation against configuration and the
 * operation catalog ({@link RequestValidator}).
 *
 * @param id          idempotency key; {@link RequestParser} derives one from the document bytes when absent
 * @param vendor      which cloud; null only when built by hand without one (the validator reports it)
 * @param account     credentials/endpoint profile name from configuration
 * @param operation   the vendor API that starts the job, spelled as the vendor spells it
 * @param params      that API's parameters, spelled as in the vendor docs; kept exact (big integers, decimals)
 * @param destination where the result goes; {@value #DEFAULT_DESTINATION} when not given
 * @param options     what the bridge does beyond the vendor call (e.g. extract a zip), per operation; empty when
 *                    not given
 */
public record JobRequest(String id, Vendor vendor, String account, String operation, ObjectNode params,
                         String destination, ObjectNode options) {

    public static final String DEFAULT_DESTINATION = "default";

    public JobRequest {
        destination = destination == null ? DEFAULT_DESTINATION : destination;
        // Copied so that neither the caller's tree nor a later consumer can change a request after validation.
        params = params == null ? null : params.deepCopy();
        options = options == null ? JsonNodeFactory.instance.objectNode() : options.deepCopy();
    }

    /** A request without bridge options. */
    public JobRequest(String id, Vendor vendor, String account, String operation, ObjectNode params,
                      String destination) {
        this(id, vendor, account, operation, params, destination, null);
    }

    @Override
    public ObjectNode params() {
        return params == null ? null : params.deepCopy();
    }

    @Override
    public ObjectNode options() {
        return options.deepCopy();
    }
}
