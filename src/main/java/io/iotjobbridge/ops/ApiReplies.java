package io.iotjobbridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.request.Violation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

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
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status API answer cannot be written as JSON", e);
        }
        Message message = exchange.getMessage();
        // platform-http sends the message's headers back: without this, the request's own headers (its
        // Authorization among them) and query parameters would come back as response headers
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setBody(text);
    }

    public static void error(Exchange exchange, int status, String field, String rule) {
        errors(exchange, status, List.of(new Violation(field, rule)));
    }

    public static void errors(Exchange exchange, int status, List<Violation> violations) {
        json(exchange, status, errorBody(status, violations));
    }

    /** The error shape, for an answer that adds fields of its own to it. */
    static Map<String, Object> errorBody(int status, List<Violation> violations) {
        List<Map<String, String>> pairs = violations.stream().map(violation -> {
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put("field", violation.field());
            pair.put("rule", violation.rule());
            return pair;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason(status));
        body.put("violations", pairs);
        return body;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 413 -> "request too large";
            case 415 -> "unsupported media type";
            case 422 -> "invalid request";
            case 502 -> "bad gateway";
            default -> "error " + status;
        };
    }
}
