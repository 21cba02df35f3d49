package io.iotjobbridge.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code k=v&k=v} as both query strings and form bodies carry it. '+' decodes to a space in both, because the
 * tea SDK writes spaces in the query string as '+' (observed), and signatures are computed over decoded values.
 */
public final class FormCodec {

    private FormCodec() {
    }

    /**
     * @return names to values in order of first appearance; a repeated name keeps its first value
     * @throws IllegalArgumentException on a malformed percent-escape
     */
    static Map<String, String> decode(String raw) {
        Map<String, String> first = new LinkedHashMap<>();
        decodeAll(raw).forEach((name, values) -> first.put(name, values.get(0)));
        return Collections.unmodifiableMap(first);
    }

    /**
     * @return names to every value given for them, in order of appearance (Huawei signs repeated names)
     * @throws IllegalArgumentException on a malformed percent-escape
     */
    public static Map<String, List<String>> decodeAll(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        params.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(params);
    }
}
