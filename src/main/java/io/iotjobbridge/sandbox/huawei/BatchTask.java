package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One batch task as created; immutable. What it reports at a given moment is {@link BatchTimeline}'s business.
 * Which devices fail is fixed at creation, from the task id, so a task tells the same story on every call.
 */
final class BatchTask {

    /** Fields echoed back as the client (or the seeder) gave them; null when absent. */
    record Spec(String name, BatchTaskType type, String appId, String taskMode, Object taskExtInfo,
                Map<String, Object> targetsFilter, Object document, Map<String, Object> taskPolicy) {
    }

    private final String id;
    private final Spec spec;
    private final List<String> targets;
    private final boolean targetsListed;
    private final Instant createdAt;
    private final BitSet failing;

    /**
     * @param targets        every device the task runs on, in execution order
     * @param targetsListed  whether the task was given {@code targets} (echoed back) rather than a filter or file
     * @param failurePercent the share of devices, 0 to 100, that end in Fail
     */
    BatchTask(String id, Spec spec, List<String> targets, boolean targetsListed, Instant createdAt,
              int failurePercent) {
        this.id = Objects.requireNonNull(id, "id");
        this.spec = Objects.requireNonNull(spec, "spec");
        // synthetic ids are immutable and cheap; copying them would materialise thousands of strings
        this.targets = targets instanceof SyntheticDeviceIds ? targets : List.copyOf(targets);
        this.targetsListed = targetsListed;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.failing = failingDevices(id, targets.size(), failurePercent);
    }

    String id() {
        return id;
    }

    Spec spec() {
        return spec;
    }

    List<String> targets() {
        return targets;
    }

    boolean targetsListed() {
        return targetsListed;
    }

    Instant createdAt() {
        return createdAt;
    }

    int size() {
        return targets.size();
    }

    boolean fails(int deviceIndex) {
        return failing.get(deviceIndex);
    }

    /** How many of the first {@code n} devices fail. */
    int failuresAmongFirst(int n) {
        return failing.get(0, n).cardinality();
    }

    private static BitSet failingDevices(String taskId, int count, int failurePercent) {
        BitSet failing = new BitSet(count);
        SplittableRandom random = new SplittableRandom(taskId.hashCode());
        for (int i = 0; i < count; i++) {
            failing.set(i, random.nextInt(100) < failurePercent);
        }
        return failing;
    }
}
