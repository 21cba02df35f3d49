package io.iotjobbridge.cli;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** How a job summary of the status API reads on a terminal, shared by {@code submit --wait} and {@code status}. */
final class JobText {

    static final Set<String> FINISHED = Set.of("DELIVERED", "FAILED", "CANCELLED");

    private JobText() {
    }

    /** The field's text, or null when the API sent null or nothing. */
    static String field(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static boolean finished(JsonNode job) {
        return FINISHED.contains(field(job, "state"));
    }

    /**
     * Where a job stands: {@code RUNNING 40% (vendor status)}, {@code QUEUED waiting for quota until <time> (<quota
     * key>)}, {@code FAILED: <reason>}. Changes whenever anything an operator watches changes.
     */
    static String standing(JsonNode job) {
        StringBuilder text = new StringBuilder(String.valueOf(field(job, "state")));
        String progress = field(job, "progress");
        if (progress != null) {
            text.append(' ').append(progress).append('%');
        }
        String vendorStatus = field(job, "vendorStatus");
        if (vendorStatus != null) {
            text.append(" (").append(vendorStatus).append(')');
        }
        String waitingFor = field(job, "waitingFor");
        if (waitingFor != null) {
            String until = field(job, "nextRunAt");
            text.append(" waiting for quota").append(until == null ? "" : " until " + until)
                    .append(" (").append(waitingFor).append(')');
        }
        String reason = field(job, "reason");
        if (reason != null && !"DELIVERED".equals(field(job, "state"))) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }
}
