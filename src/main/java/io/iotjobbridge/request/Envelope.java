package io.iotjobbridge.request;

import static io.iotjobbridge.request.spec.Specs.anyObject;
import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.required;
import static io.iotjobbridge.request.spec.Specs.string;

import java.util.Arrays;

import io.iotjobbridge.request.spec.ObjectSpec;
import io.iotjobbridge.request.spec.StringSpec;
import io.iotjobbridge.vendor.Vendor;

/** The top level of a request document: the fields every request has, whatever the vendor. */
final class Envelope {

    static final String ID = "id";
    static final String VENDOR = "vendor";
    static final String ACCOUNT = "account";
    static final String OPERATION = "operation";
    static final String PARAMS = "params";
    static final String DESTINATION = "destination";
    static final String OPTIONS = "options";

    /** Ids end up in file names and ledger keys, so only characters that are safe everywhere. */
    static final StringSpec ID_SPEC = string().length(1, RequestIds.MAX_LENGTH).matches("[A-Za-z0-9][A-Za-z0-9._-]*",
            "must use only letters A-Z a-z, digits, '.', '_' and '-', and start with a letter or digit");

    /**
     * Account and destination names are keys in configuration ({@code bridge.accounts.<name>.aliyun.*}), where a
     * '.' or space would change the meaning of the property name.
     */
    static final StringSpec NAME_SPEC = string().length(1, 64).matches("[A-Za-z0-9][A-Za-z0-9_-]*",
            "must use only letters A-Z a-z, digits, '_' and '-', and start with a letter or digit");

    static final StringSpec VENDOR_SPEC = string().oneOf(Arrays.stream(Vendor.values()).map(Vendor::wireName).toList());

    static final StringSpec OPERATION_SPEC = string().nonBlank();

    static final ObjectSpec SPEC = object(
            optional(ID, ID_SPEC),
            required(VENDOR, VENDOR_SPEC),
            required(ACCOUNT, NAME_SPEC),
            required(OPERATION, OPERATION_SPEC),
            required(PARAMS, anyObject()),
            optional(DESTINATION, NAME_SPEC),
            optional(OPTIONS, anyObject()));

    private Envelope() {
    }
}
