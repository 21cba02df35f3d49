package io.iotjobbridge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The fire times a schedule has not dealt with yet: those after its last fire up to now, split into fires seen on
 * time (due no longer than the grace ago) and missed ones (the bridge was down or busy when they were due).
 *
 * @param onTime      fires within the grace, oldest first; these always run
 * @param missed      the most recent missed fires, oldest first, at most the number asked for
 * @param missedCount every missed fire, including those older than {@code missed} holds
 * @param latest      the most recent due fire of all, if any: where the schedule's last fire moves to
 */
public record DueFires(List<Instant> onTime, List<Instant> missed, long missedCount, Optional<Instant> latest) {

    public DueFires {
        onTime = List.copyOf(onTime);
        missed = List.copyOf(missed);
    }

    /**
     * @param keep how many of the most recent missed fires to hold (older ones are only counted, so a long
     *             downtime under a frequent cron costs no memory)
     */
    public static DueFires between(CronTimes cron, Instant lastFire, Instant now, Duration grace, int keep) {
        Instant onTimeFrom = now.minus(grace);
        List<Instant> onTime = new ArrayList<>();
        Deque<Instant> missed = new ArrayDeque<>();
        long missedCount = 0;
        Instant latest = null;
        for (Optional<Instant> fire = cron.nextAfter(lastFire); fire.isPresent() && !fire.get().isAfter(now);
             fire = cron.nextAfter(fire.get())) {
            latest = fire.get();
            if (latest.isBefore(onTimeFrom)) {
                missedCount++;
                missed.addLast(latest);
                if (missed.size() > keep) {
                    missed.removeFirst();
                }
            } else {
                onTime.add(latest);
            }
        }
        return new DueFires(onTime, new ArrayList<>(missed), missedCount, Optional.ofNullable(latest));
    }

    /** Missed fires older than those {@link #missed} holds. */
    public long olderMissed() {
        return missedCount - missed.size();
    }
}
