package io.iotjobbridge.sandbox.huawei;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The documented value rules, each refusing with IOTDA.000006 and a message naming the field and the rule. */
final class InputRules {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final Pattern HEX_24 = Pattern.compile("[0-9a-fA-F]{24}");
    private static final Pattern TASK_ID = Pattern.compile("[a-f0-9]{1,24}");

    private InputRules() {
    }

    /** An optional whole-number query parameter within [min, max]. */
    static int integer(IotdaRequest request, String name, int min, int max, int fallback) {
        String value = request.queryValue(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("The parameter '" + name + "' must be an integer from " + min + " to " + max + ".");
    }

    /** {@code marker}: 24 hex digits; records with smaller ids are returned. */
    static String marker(IotdaRequest request, String fallback) {
        String value = request.queryValue("marker");
        if (value == null) {
            return fallback;
        }
        if (!HEX_24.matcher(value).matches()) {
            throw invalid("The parameter 'marker' must be a hexadecimal string of 24 characters.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** {@code app_id}: at most 36 letters, digits, '_' and '-'; null when absent. */
    static String appId(String value, String name) {
        if (value != null && !APP_ID.matcher(value).matches()) {
            throw invalid("The parameter '" + name + "' must be at most 36 characters of letters, digits, '_' and '-'.");
        }
        return value;
    }

    /** A batch task id: at most 24 characters of a-f and 0-9. */
    static String taskId(String value, String name) {
        if (value == null || !TASK_ID.matcher(value).matches()) {
            throw invalid("The parameter '" + name + "' must be at most 24 characters of a-f and 0-9.");
        }
        return value;
    }

    /** A value from a documented set; null (absent) passes unless {@code required}. */
    static String oneOf(String value, String name, boolean required, Predicate<String> allowed, String allowedList) {
        if (value == null) {
            if (required) {
                throw invalid("The parameter '" + name + "' is required. Allowed values: " + allowedList + ".");
            }
            return null;
        }
        if (!allowed.test(value)) {
            throw invalid("The parameter '" + name + "' must be one of: " + allowedList + ".");
        }
        return value;
    }

    /** A string field of a JSON body; null when absent and not {@code required}. */
    static String text(ObjectNode body, String name, boolean required) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid("The parameter '" + name + "' is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("The parameter '" + name + "' must be a string.");
        }
        return node.asText();
    }

    static IotdaRejection invalid(String why) {
        return IotdaError.invalidInput(why).rejection();
    }
}
