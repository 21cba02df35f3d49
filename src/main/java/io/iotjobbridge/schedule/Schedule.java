package io.iotjobbridge.schedule;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One schedule, from the parameters of a {@code bridge-schedule} route: when it fires, the request it makes and
 * what it does about fires it missed. Building one checks every parameter, so a bad schedule stops the bridge at
 * start-up with a message naming the schedule and the parameter.
 *
 * @param window null when the request needs no time window
 */
public record Schedule(String name, CronTimes cron, WindowExpression window, Path requestFile,
                       RequestTemplate template, MissedFirePolicy missed, boolean runAtStart) {

    /** Names become part of request ids ({@code schedule-<name>-<fire time>}) and of the state table's key. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ZoneId zone() {
        return cron.zone();
    }

    /** The request id of a fire when the template sets none. */
    public String defaultRequestId(ScheduleFire fire) {
        return "schedule-" + name + "-" + fire.compactUtc();
    }

    /**
     * @param parameters the route template's parameters: name, cron, zone, request, window, missed, runAtStart
     * @param workDir    what a relative {@code request} path is resolved against
     * @throws IllegalArgumentException naming the schedule, the parameter and the rule
     */
    public static Schedule fromParameters(Map<String, Object> parameters, Path workDir) {
        String name = text(parameters, "name").orElse("");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schedule '" + name + "': parameter 'name' must be 1-64 characters of"
                    + " A-Z a-z 0-9 . _ - starting with a letter or digit");
        }
        Parameters p = new Parameters(name, parameters);
        ZoneId zone = p.parse("zone", z -> {
            try {
                return ZoneId.of(z);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + z + "' is not a time zone id (IANA, e.g. Asia/Shanghai)", e);
            }
        });
        CronTimes cron = p.parse("cron", c -> CronTimes.parse(c, zone));
        WindowExpression window = text(parameters, "window").map(w -> p.parse("window", WindowExpression::parse))
                .orElse(null);
        Path requestFile = p.parse("request", r -> workDir.resolve(r).normalize());
        RequestTemplate template = p.parse("request", r -> RequestTemplate.load(requestFile));
        if (template.usesWindow() && window == null) {
            throw p.fail("window", "is required: " + requestFile + " uses ${window.*} placeholders");
        }
        MissedFirePolicy missed = p.parse("missed", m -> MissedFirePolicy.fromWireName(m).orElseThrow(
                () -> new IllegalArgumentException("must be all, latest or none; was '" + m + "'")));
        boolean runAtStart = p.parse("runAtStart", r -> switch (r) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false; was '" + r + "'");
        });
        return new Schedule(name, cron, window, requestFile, template, missed, runAtStart);
    }

    private static Optional<String> text(Map<String, Object> parameters, String key) {
        return Optional.ofNullable(parameters.get(key)).map(v -> String.valueOf(v).trim()).filter(v -> !v.isEmpty());
    }

    /** Reads one parameter and words any failure as "schedule 'n': parameter 'p' ...". */
    private record Parameters(String schedule, Map<String, Object> values) {

        <T> T parse(String key, java.util.function.Function<String, T> parser) {
            String value = text(values, key).orElseThrow(() -> fail(key, "is required"));
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
        }

        IllegalArgumentException fail(String key, String rule) {
            return new IllegalArgumentException("schedule '" + schedule + "': parameter '" + key + "' " + rule);
        }
    }
}
