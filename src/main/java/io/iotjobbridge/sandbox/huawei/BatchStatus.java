package io.iotjobbridge.sandbox.huawei;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A batch task's status, spelled as on the wire ("Waitting" is the vendor's spelling). */
enum BatchStatus {
    INITIALIZING("Initializing", "The task is being initialized."),
    WAITTING("Waitting", "The task is waiting to be executed."),
    PROCESSING("Processing", "The task is being executed."),
    SUCCESS("Success", "All subtasks succeeded."),
    PARTIAL_SUCCESS("PartialSuccess", "Some subtasks failed."),
    FAIL("Fail", "All subtasks failed."),
    // accepted as a filter; the sandbox never stops a task, so none is ever in these states
    STOPPED("Stopped", "The task has been stopped."),
    STOPPING("Stopping", "The task is being stopped.");


    private final String wireName;
    private final String description;

    BatchStatus(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** Whether ListBatchTasks accepts this as {@code status}: the documented set, which leaves out Stopping. */
    static boolean isFilterValue(String value) {
        return filterValues().anyMatch(s -> s.wireName.equals(value));
    }

    static String filterValueList() {
        return filterValues().map(BatchStatus::wireName).collect(Collectors.joining(", "));
    }

    private static Stream<BatchStatus> filterValues() {
        return Arrays.stream(values()).filter(s -> s != STOPPING);
    }

    String wireName() {
        return wireName;
    }

    /** The sandbox's {@code status_desc}; the vendor documents only that it describes the status. */
    String description() {
        return description;
    }
}
