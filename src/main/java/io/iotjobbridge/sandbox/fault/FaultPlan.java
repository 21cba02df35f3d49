package io.iotjobbridge.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a fault spec: a comma list of steps applied to successive calls, each step a fault name ({@code 503},
 * {@code throttle}, {@code error:<Code>}, ...) optionally repeated with {@code *n}. {@code never-finish}, if present,
 * comes last and stays: every call from then on gets it. Errors name the key and the rule, and quote only the step.
 */
final class FaultPlan {

    static final int MAX_REPEAT = 1_000;

    private FaultPlan() {
    }

    /**
     * @param key        the property or target the spec came from, for error messages
     * @param errorCodes the codes an {@code error:<Code>} step may name: those the vendor's API answers with
     */
    static List<Fault> parse(String key, String spec, FaultTarget target, Set<String> errorCodes) {
        List<Fault> faults = new ArrayList<>();
        String[] steps = spec.split(",");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i].trim();
            if (step.isEmpty()) {
                throw invalid(key, "has an empty step; write steps such as 503,503,ok");
            }
            int repeat = 1;
            int star = step.lastIndexOf('*');
            if (star >= 0) {
                repeat = repeatOf(key, step, step.substring(star + 1));
                step = step.substring(0, star).trim();
            }
            Fault fault = faultOf(key, step, target, errorCodes);
            if (fault.kind() == FaultKind.NEVER_FINISH && (i != steps.length - 1 || repeat != 1)) {
                throw invalid(key, "must end with never-finish, unrepeated: a job that never finishes stays so");
            }
            for (int n = 0; n < repeat; n++) {
                faults.add(fault);
            }
        }
        return faults;
    }

    private static Fault faultOf(String key, String step, FaultTarget target, Set<String> errorCodes) {
        String name = step.startsWith(FaultKind.ERROR.spec() + ":") ? FaultKind.ERROR.spec() : step;
        FaultKind kind = FaultKind.of(name).orElseThrow(() -> invalid(key, "step \"" + step
                + "\" is not a fault; use one of ok, 500, 503, throttle, error:<Code>, malformed, truncated, reset,"
                + " stall, expire-url, never-finish"));
        if (!target.kinds().contains(kind)) {
            throw invalid(key, "step \"" + step + "\" does not apply to " + target.key());
        }
        if (kind != FaultKind.ERROR) {
            return Fault.of(kind);
        }
        String code = step.substring(name.length() + 1).trim();
        if (!errorCodes.contains(code)) {
            throw invalid(key, "step \"" + step + "\" names a code the vendor does not answer with; use one of "
                    + errorCodes.stream().sorted().toList());
        }
        return new Fault(kind, code);
    }

    private static int repeatOf(String key, String step, String count) {
        try {
            int repeat = Integer.parseInt(count.trim());
            if (repeat >= 1 && repeat <= MAX_REPEAT) {
                return repeat;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "step \"" + step + "\" must repeat 1 to " + MAX_REPEAT + " times, e.g. throttle*3");
    }

    private static IllegalArgumentException invalid(String key, String rule) {
        return new IllegalArgumentException(key + " " + rule);
    }
}
