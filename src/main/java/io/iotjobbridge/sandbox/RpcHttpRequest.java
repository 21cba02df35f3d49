package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * An RPC request as received, before anyone trusts it.
 *
 * @param headers lower-case header names to their first value
 * @param query   the decoded query string
 * @param form    the decoded body when it is {@code application/x-www-form-urlencoded}, otherwise empty
 * @param body    the raw body bytes, which V3 signs by hash
 */
record RpcHttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                      Map<String, String> form, byte[] body) {

    /** RPC parameters are short strings; anything bigger is not a legitimate call. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    static RpcHttpRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = IncomingRequests.lowerCaseHeaders(exchange);
        byte[] body = IncomingRequests.body(exchange, MAX_BODY_BYTES).orElseThrow(() -> GatewayError.invalidParameter("Body").rejection());
        try {
            Map<String, String> query = FormCodec.decode(exchange.getRequestURI().getRawQuery());
            String contentType = headers.getOrDefault("content-type", "");
            Map<String, String> form = contentType.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)
                    ? FormCodec.decode(new String(body, StandardCharsets.UTF_8))
                    : Map.of();
            return new RpcHttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Collections.unmodifiableMap(headers), query, form, body);
        } catch (IllegalArgumentException malformed) {
            throw GatewayError.invalidParameter("QueryString").rejection();
        }
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The call's parameters: the query string, plus body fields the query does not already name. */
    Map<String, String> params() {
        Map<String, String> merged = new LinkedHashMap<>(query);
        form.forEach(merged::putIfAbsent);
        return Collections.unmodifiableMap(merged);
    }
}
