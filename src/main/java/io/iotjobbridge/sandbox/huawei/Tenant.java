package io.iotjobbridge.sandbox.huawei;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch tasks and export tasks of one {@link TenantScope}, and the ids it hands out. Ids are the scope's prefix
 * and a counter, 24 hex digits like the vendor's, so a larger id is always a newer record: the order ListBatchTasks
 * and ListExportTasks page in. Batch tasks are kept for the sandbox's lifetime.
 */
final class Tenant {

    private final String idPrefix;
    private final NavigableMap<String, BatchTask> batchTasks = new TreeMap<>();
    private final ExportLedger exports;
    private final Consumer<BatchTask> onBatchTaskAdded;
    private long sequence;

    /** @param onBatchTaskAdded told of every task, seeded or created, e.g. to push its status changes */
    Tenant(TenantScope scope, ExportLedger.Limits exportLimits, Consumer<BatchTask> onBatchTaskAdded) {
        this.idPrefix = scope.idPrefix();
        this.exports = new ExportLedger(this::nextId, exportLimits);
        this.onBatchTaskAdded = onBatchTaskAdded;
    }

    synchronized String nextId() {
        sequence++;
        return idPrefix + String.format("%016x", sequence);
    }

    /** Stores the task built for the next id. */
    synchronized BatchTask addBatchTask(Function<String, BatchTask> build) {
        BatchTask task = build.apply(nextId());
        batchTasks.put(task.id(), task);
        onBatchTaskAdded.accept(task);
        return task;
    }

    synchronized Optional<BatchTask> batchTask(String taskId) {
        return Optional.ofNullable(batchTasks.get(taskId));
    }

    synchronized List<BatchTask> batchTasksNewestFirst() {
        return List.copyOf(batchTasks.descendingMap().values());
    }

    ExportLedger exports() {
        return exports;
    }
}
