package io.iotjobbridge.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One fire of a schedule and the values its request template's placeholders take.
 *
 * @param window null when the schedule has no window
 */
public record ScheduleFire(String schedule, Instant fireTime, ZoneId zone, TimeWindow window) {

    /** Every placeholder a request template may use, as {@code ${name}}. */
    public static final Set<String> PLACEHOLDERS = new TreeSet<>(Set.of("window.start", "window.end",
            "window.endInclusive", "window.startIso", "window.endIso", "fireTime", "schedule"));

    private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The fire time as it goes into request ids: {@code 20260101T160000Z}. */
    public String compactUtc() {
        return COMPACT_UTC.format(fireTime);
    }

    /**
     * The value of a placeholder: the window's instants are epoch milliseconds (numbers), everything else text.
     *
     * @return empty for a window placeholder when the schedule has no window
     */
    public Optional<JsonNode> value(String placeholder) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if ("fireTime".equals(placeholder)) {
            return Optional.of(nodes.textNode(TimeWindow.iso(fireTime, zone)));
        }
        if ("schedule".equals(placeholder)) {
            return Optional.of(nodes.textNode(schedule));
        }
        if (window == null) {
            return Optional.empty();
        }
        Map<String, JsonNode> values = Map.of(
                "window.start", nodes.numberNode(window.start().toEpochMilli()),
                "window.end", nodes.numberNode(window.end().toEpochMilli()),
                // for APIs whose end is inclusive: the last millisecond inside the window
                "window.endInclusive", nodes.numberNode(window.end().toEpochMilli() - 1),
                "window.startIso", nodes.textNode(window.startIso()),
                "window.endIso", nodes.textNode(window.endIso()));
        return Optional.ofNullable(values.get(placeholder));
    }
}
