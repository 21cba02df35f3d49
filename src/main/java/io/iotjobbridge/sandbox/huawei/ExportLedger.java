package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One scope's export tasks and the vendor's rules over them, all under one lock because each is "check, then
 * change": a new task for the same batch task replaces the earlier one (its result is overwritten), at most
 * {@code unfinished} tasks may be Processing, at most {@code kept} are kept (creating one more deletes the oldest),
 * and export files may be downloaded once per {@code downloadInterval}.
 */
final class ExportLedger {

    /** The configurable figures; the vendor's are 5, 50 and 30 s. */
    record Limits(int unfinished, int kept, Duration downloadInterval) {
    }

    private final Supplier<String> ids;
    private final Limits limits;
    private final NavigableMap<String, ExportTask> tasks = new TreeMap<>();
    private Instant lastDownload;

    ExportLedger(Supplier<String> ids, Limits limits) {
        this.ids = ids;
        this.limits = limits;
    }

    /**
     * Admits a task built for the next id, or refuses it when the unfinished limit is reached. The task it replaces
     * does not count against that limit: re-exporting is what replacing is for.
     */
    synchronized ExportTask create(String batchTaskId, Instant now, Function<String, ExportTask> build) {
        long unfinished = tasks.values().stream()
                .filter(t -> !t.batchTask().id().equals(batchTaskId))
                .filter(t -> !t.finishedAt(now))
                .count();
        if (unfinished >= limits.unfinished()) {
            throw IotdaError.tooManyUnfinishedExports(limits.unfinished()).rejection();
        }
        tasks.values().removeIf(t -> t.batchTask().id().equals(batchTaskId));
        ExportTask task = build.apply(ids.get());
        tasks.put(task.id(), task);
        while (tasks.size() > limits.kept()) {
            tasks.pollFirstEntry();
        }
        return task;
    }

    synchronized Optional<ExportTask> find(String exportTaskId) {
        return Optional.ofNullable(tasks.get(exportTaskId));
    }

    synchronized List<ExportTask> newestFirst() {
        return List.copyOf(tasks.descendingMap().values());
    }

    /** Takes this scope's download slot, or refuses when the previous download was less than the interval ago. */
    synchronized void startDownload(Instant now) {
        if (lastDownload != null) {
            Instant nextAllowed = lastDownload.plus(limits.downloadInterval());
            if (now.isBefore(nextAllowed)) {
                long waitSeconds = (Duration.between(now, nextAllowed).toMillis() + 999) / 1000;
                throw IotdaError.downloadTooSoon(waitSeconds).rejection();
            }
        }
        lastDownload = now;
    }
}
