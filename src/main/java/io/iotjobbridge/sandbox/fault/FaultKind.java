package io.iotjobbridge.sandbox.fault;

import java.util.Arrays;
import java.util.Optional;

/** The faults the sandbox can inject, each named once as it is written in a fault spec. */
public enum FaultKind {
    /** the call is served normally */
    OK("ok"),
    /** HTTP 500 in the vendor's internal-error shape */
    HTTP_500("500"),
    /** HTTP 503 in the vendor's service-unavailable shape */
    HTTP_503("503"),
    /** the vendor's flow-control refusal (Alibaba {@code Throttling.User}, Huawei {@code APIG.0308}) */
    THROTTLE("throttle"),
    /** Alibaba {@code Success=false} with the given {@code Code}: {@code error:<Code>} */
    ERROR("error"),
    /** HTTP 200 whose body is not JSON */
    MALFORMED("malformed"),
    /** the real answer cut in half: consistently framed for API calls (invalid JSON), short of its length for files */
    TRUNCATED("truncated"),
    /** the connection is closed before any answer */
    RESET("reset"),
    /** a download sends half its body, then stops sending until the stall ends */
    STALL("stall"),
    /** the signed download URL is refused as expired, as OSS refuses a link past its {@code Expires} */
    EXPIRE_URL("expire-url"),
    /** the status call reports the job running, on every call from then on: the vendor job never finishes */
    NEVER_FINISH("never-finish");

    private final String spec;

    FaultKind(String spec) {
        this.spec = spec;
    }

    public String spec() {
        return spec;
    }

    static Optional<FaultKind> of(String spec) {
        return Arrays.stream(values()).filter(kind -> kind.spec.equals(spec)).findFirst();
    }
}
