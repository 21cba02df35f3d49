package io.iotjobbridge.sandbox.fault;

import java.util.Objects;

/**
 * One fault a call gets.
 *
 * @param code the vendor error code of an {@link FaultKind#ERROR}, else null
 */
public record Fault(FaultKind kind, String code) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if ((kind == FaultKind.ERROR) != (code != null)) {
            throw new IllegalArgumentException("a fault carries a code exactly when it is an error: " + kind);
        }
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind, null);
    }

    /** As written in a fault spec: {@code 503}, {@code error:iot.dap.insight.serverError}. */
    public String spec() {
        return kind == FaultKind.ERROR ? kind.spec() + ":" + code : kind.spec();
    }
}
