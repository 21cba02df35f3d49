package io.iotjobbridge.sandbox.huawei;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The vendor's list paging, shared by every list: records in descending id order (newest first), only ids below
 * {@code marker}, skipping {@code offset}, at most {@code limit}. The reply's {@code page.count} is the number of
 * records the filters match, whatever the marker and offset, and {@code page.marker} the last id on the page, to be
 * passed as the next call's marker.
 */
record Paging(int limit, String marker, int offset) {

    static final String NO_MARKER = "ffffffffffffffffffffffff";

    /** {@code limit} 1–50 (default 10), {@code marker} 24 hex, {@code offset} 0–500 (default 0). */
    static Paging from(IotdaRequest request) {
        return new Paging(InputRules.integer(request, "limit", 1, 50, 10),
                InputRules.marker(request, NO_MARKER),
                InputRules.integer(request, "offset", 0, 500, 0));
    }

    /** @param newestFirst the records the filters match, in descending id order */
    <T> Page<T> take(List<T> newestFirst, Function<T, String> idOf) {
        List<T> items = newestFirst.stream()
                .filter(item -> idOf.apply(item).compareTo(marker) < 0)
                .skip(offset)
                .limit(limit)
                .toList();
        String last = items.isEmpty() ? null : idOf.apply(items.get(items.size() - 1));
        return new Page<>(items, newestFirst.size(), last);
    }

    /** One page of records, and what the reply's {@code page} object says about it. */
    record Page<T>(List<T> items, long count, String marker) {

        Map<String, Object> json() {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("count", count);
            page.put("marker", marker);
            return page;
        }
    }
}
