package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.iotjobbridge.sandbox.FormCodec;
import io.iotjobbridge.sandbox.IncomingRequests;

/**
 * An IoTDA request as received, before anyone trusts it.
 *
 * @param path    the decoded path, as the signature's canonical URI is built from it
 * @param query   the decoded query, every value of a repeated name kept (all of them are signed)
 * @param headers lower-case header names to their first value
 * @param body    the raw body bytes, which the signature covers by hash
 */
record IotdaRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                    byte[] body) {

    /**
     * CreateBatchTask may name 30,000 devices (about 2 MB of JSON); anything much bigger is not a legitimate call
     * and is not worth holding in memory.
     */
    static final int MAX_BODY_BYTES = 4 << 20;

    static IotdaRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = IncomingRequests.lowerCaseHeaders(exchange);
        byte[] body = IncomingRequests.body(exchange, MAX_BODY_BYTES).orElseThrow(() -> IotdaError.requestTooLarge().rejection());
        Map<String, List<String>> query;
        try {
            query = FormCodec.decodeAll(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException malformed) {
            throw IotdaError.invalidInput("The query string is not well formed.").rejection();
        }
        return new IotdaRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                Collections.unmodifiableMap(headers), body);
    }

    /** @param lowerCaseName e.g. {@code instance-id} */
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The first value of a query parameter, or null when absent. */
    String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
