package io.iotjobbridge.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a schedule does with fire times it missed (bridge down, or a tick late by more than the grace). Fires seen on
 * time always run, whatever the policy.
 */
public enum MissedFirePolicy {

    /** Every missed fire runs, oldest first, up to the most recent {@code bridge.schedules.max-catch-up}. */
    ALL("all"),
    /** Only the most recent missed fire runs, and not even that one when a fire on time follows it. */
    LATEST("latest"),
    /** Missed fires are skipped; the schedule waits for its next fire. */
    NONE("none");

    private final String wireName;

    MissedFirePolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MissedFirePolicy> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    /** @param due the due fires, holding at most max-catch-up missed ones */
    public FirePlan plan(DueFires due) {
        List<Instant> run = new ArrayList<>();
        List<Instant> skipped = new ArrayList<>();
        List<Instant> missed = due.missed();
        switch (this) {
            case ALL -> run.addAll(missed);
            case LATEST -> {
                boolean superseded = !due.onTime().isEmpty();
                for (int i = 0; i < missed.size(); i++) {
                    (i == missed.size() - 1 && !superseded ? run : skipped).add(missed.get(i));
                }
            }
            case NONE -> skipped.addAll(missed);
            default -> throw new IllegalStateException(name());
        }
        run.addAll(due.onTime());
        return new FirePlan(run, skipped, due.olderMissed());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
