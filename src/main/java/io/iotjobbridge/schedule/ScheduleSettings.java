package io.iotjobbridge.schedule;

import java.time.Duration;

import io.iotjobbridge.config.BridgeProperties;

/**
 * The {@code bridge.schedules.*} settings every schedule shares.
 *
 * @param tick       how often each schedule looks for due fires
 * @param grace      how late a fire may be seen and still count as on time rather than missed
 * @param maxCatchUp how many of the most recent missed fires policy {@code all} runs
 */
public record ScheduleSettings(Duration tick, Duration grace, int maxCatchUp) {

    public static final String TICK_KEY = "bridge.schedules.tick-ms";
    public static final String GRACE_KEY = "bridge.schedules.misfire-grace-ms";
    public static final String MAX_CATCH_UP_KEY = "bridge.schedules.max-catch-up";

    public ScheduleSettings {
        if (tick.toMillis() < 1) {
            throw new IllegalArgumentException(TICK_KEY + " must be at least 1; was " + tick.toMillis());
        }
        if (grace.compareTo(tick) < 0) {
            throw new IllegalArgumentException(GRACE_KEY + " must be at least " + TICK_KEY + " (" + tick.toMillis()
                    + "), or fires seen at the next tick would count as missed; was " + grace.toMillis());
        }
        if (maxCatchUp < 1) {
            throw new IllegalArgumentException(MAX_CATCH_UP_KEY + " must be at least 1; was " + maxCatchUp);
        }
    }

    public static ScheduleSettings fromProperties(BridgeProperties props) {
        Duration tick = props.getMillis(TICK_KEY, Duration.ofSeconds(10));
        // a fire seen up to two ticks late (a slow tick, a short pause) is still on time
        Duration twoTicks = tick.multipliedBy(2);
        Duration defaultGrace = twoTicks.compareTo(Duration.ofMinutes(1)) > 0 ? twoTicks : Duration.ofMinutes(1);
        return new ScheduleSettings(tick, props.getMillis(GRACE_KEY, defaultGrace),
                props.getInt(MAX_CATCH_UP_KEY, 31));
    }
}
