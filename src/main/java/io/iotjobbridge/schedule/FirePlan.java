package io.iotjobbridge.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What one tick of a schedule does with its due fires.
 *
 * @param run          fire times to run, oldest first
 * @param skipped      missed fire times the policy skips, oldest first (each is logged)
 * @param olderSkipped how many more, older missed fires are skipped (logged as one count)
 */
public record FirePlan(List<Instant> run, List<Instant> skipped, long olderSkipped) {

    public FirePlan {
        run = List.copyOf(run);
        skipped = List.copyOf(skipped);
    }
}
