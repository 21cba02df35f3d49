package io.iotjobbridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.request.Violation;
import org.apache.camel.Exchange;

/**
 * Writes status API answers: JSON bodies with their status code, and errors in one shape,
 * {@code {"error": <status text>, "violations": [{"field": …, "rule": …}]}}, the same field-and-rule pairs a rejected
 * drop file gets.
 */
public final class ApiReplies {

    /** Answers are built from maps, lists, strings and numbers; times are ISO-8601 strings. */
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiReplies() {
    }

    public static void json(Exchange exchange, int status, Object body) {
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status API answer cannot be written as JSON", e);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    public static void error(Exchange exchange, int status, String field, String rule) {
        errors(exchange, status, List.of(new Violation(field, rule)));
    }

    public static void errors(Exchange exchange, int status, List<Violation> violations) {
        List<Map<String, String>> pairs = violations.stream()
                .map(violation -> Map.of("field", violation.field(), "rule", violation.rule())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason(status));
        body.put("violations", pairs);
        json(exchange, status, body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 413 -> "request too large";
            case 422 -> "invalid request";
            default -> "error " + status;
        };
    }
}
