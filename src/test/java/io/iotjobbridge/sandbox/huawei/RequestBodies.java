package io.iotjobbridge.sandbox.huawei;

import java.util.LinkedHashMap;
import java.util.Map;

/** Variations of a valid request body, for tests that break one field at a time. */
final class RequestBodies {

    private RequestBodies() {
    }

    static Map<String, Object> with(Map<String, Object> body, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(name, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String name) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(name);
        return changed;
    }
}
