package io.iotjobbridge.vendor.huawei;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.vendor.VendorException;

/**
 * Pages through ListBatchTasks the way its page tells to: records come newest first (descending id); {@code offset}
 * (0–500) skips records after the {@code marker}; "every page 50 records, pages 1–11 can be reached with offset, from
 * page 11 on use the marker page 11 returned". So: offset pages while the next offset stays within 500, then the
 * last id seen becomes the marker and offset starts again at 0.
 *
 * <p>A task created while the listing runs pushes the older ones one place down, so a page can repeat the end of the
 * previous one; since ids only go down, any id not below the last one seen is a repeat and is skipped. Each task is
 * therefore handed over once, in constant memory.
 */
final class BatchTaskPager {

    private static final Pattern HEX_24 = Pattern.compile("[0-9a-f]{24}");

    /** Receives each listed task once. */
    @FunctionalInterface
    interface TaskSink {
        void accept(JsonNode task) throws VendorException;
    }

    /** @param truncated whether more tasks matched than {@code maxTasks} allowed to list */
    record Outcome(long listed, boolean truncated, int calls) {
    }

    private final HuaweiClient client;

    BatchTaskPager(HuaweiClient client) {
        this.client = client;
    }

    /**
     * Lists every task the request's filters match, starting where its own {@code marker} and {@code offset} say, in
     * pages of its {@code limit} (50 when not given).
     */
    Outcome list(ObjectNode requestParams, long maxTasks, TaskSink sink) throws VendorException {
        ObjectNode filters = requestParams.deepCopy();
        filters.remove(List.of("limit", "offset", "marker"));
        int limit = requestParams.path("limit").asInt(HuaweiOperations.MAX_PAGE_SIZE);
        int offset = requestParams.path("offset").asInt(0);
        String marker = requestParams.hasNonNull("marker")
                ? requestParams.get("marker").asText().toLowerCase(Locale.ROOT) : null;
        String lastId = null;
        long listed = 0;
        int calls = 0;
        while (true) {
            ObjectNode page = filters.deepCopy().put("limit", limit).put("offset", offset);
            if (marker != null) {
                page.put("marker", marker);
            }
            JsonNode answer = client.call(HuaweiOperations.LIST_BATCH_TASKS, Map.of(), page);
            calls++;
            JsonNode tasks = answer.path("batchtasks");
            if (!tasks.isArray()) {
                throw VendorException.retryable("MalformedResponse", "ListBatchTasks returned no batchtasks list");
            }
            int fresh = 0;
            for (JsonNode task : tasks) {
                String id = task.path("task_id").asText("");
                if (lastId != null && HEX_24.matcher(id).matches() && HEX_24.matcher(lastId).matches()
                        && id.compareTo(lastId) >= 0) {
                    continue;
                }
                if (listed >= maxTasks) {
                    return new Outcome(listed, true, calls);
                }
                sink.accept(task);
                lastId = id;
                listed++;
                fresh++;
            }
            if (tasks.size() < limit) {
                return new Outcome(listed, false, calls);
            }
            if (fresh == 0) {
                // a whole page of repeats: go on from below the last task listed
                if (offset == 0 && lastId != null && lastId.equals(marker)) {
                    throw VendorException.permanent("PagingStuck", "ListBatchTasks returned the same tasks again"
                            + " for marker " + marker);
                }
                marker = lastId;
                offset = 0;
            } else if (offset + limit <= HuaweiOperations.MAX_OFFSET) {
                offset += limit;
            } else {
                marker = lastId;
                offset = 0;
            }
        }
    }
}
