package io.iotjobbridge.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes {@code k=v&k=v} as both query strings and form bodies carry it. '+' decodes to a space in both, because the
 * tea SDK writes spaces in the query string as '+' (observed), and signatures are computed over decoded values.
 */
final class FormCodec {

    private FormCodec() {
    }

    /**
     * @return names to values in order of first appearance; a repeated name keeps its first value
     * @throws IllegalArgumentException on a malformed percent-escape
     */
    static Map<String, String> decode(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(params);
    }
}
