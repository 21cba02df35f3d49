package io.iotjobbridge.schedule;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route template {@value #TEMPLATE}: a schedule is a route made from it, in YAML
 * ({@code templatedRoute}) or Java ({@code templatedRoute(...)}), so users add schedules without recompiling. The
 * route is thin: a timer tick hands to {@link ScheduleRunner}, which decides what is due.
 */
public final class ScheduleRoutes extends RouteBuilder {

    public static final String TEMPLATE = "bridge-schedule";
    /** The route configuration (error handling) every schedule route refers to. */
    public static final String ERRORS = "scheduleErrors";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);
    private static final String TICK_BEAN_PREFIX = "scheduleTick-";

    private final ScheduleRunner runner;
    private final Path workDir;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /** @param workDir what relative {@code request} paths are resolved against */
    public ScheduleRoutes(ScheduleRunner runner, Path workDir) {
        this.runner = runner;
        this.workDir = workDir;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("name", null, "schedule name: part of its request ids and its state key")
                .templateParameter("cron", null, "Quartz cron: sec min hour day-of-month month day-of-week [year]")
                .templateParameter("zone", null, "IANA time zone the cron and the window are read in")
                .templateParameter("request", null, "request template file, JSON or YAML")
                .templateOptionalParameter("window", "relative time window, e.g. yesterday")
                .templateParameter("missed", MissedFirePolicy.LATEST.wireName(), "missed fires: all, latest or none")
                .templateParameter("runAtStart", "false", "run the most recent fire time at each start")
                // runs when a route is made from the template, i.e. at start-up: a bad schedule stops the bridge.
                // The tick is bound under the schedule's own name: a template-local bean is not seen by process(ref).
                .configure(template -> template.getCamelContext().getRegistry().bind(
                        TICK_BEAN_PREFIX + template.getParameters().get("name"), Processor.class,
                        tickFor(Schedule.fromParameters(template.getParameters(), workDir))))
                .from("timer:schedule-{{name}}?period={{bridge.schedules.tick-ms:10000}}")
                .routeConfigurationId(ERRORS)
                .process(TICK_BEAN_PREFIX + "{{name}}");
    }

    private Processor tickFor(Schedule schedule) {
        if (!names.add(schedule.name())) {
            throw new IllegalArgumentException("schedule '" + schedule.name() + "': parameter 'name' is used by"
                    + " another schedule; each needs its own (it keys the schedule's state)");
        }
        runner.check(schedule);
        LOG.info("schedule {}: cron {}, window {}, request {}, missed {}, runAtStart {}", schedule.name(),
                schedule.cron(), schedule.window() == null ? "none" : schedule.window(), schedule.requestFile(),
                schedule.missed(), schedule.runAtStart());
        return new Processor() {
            private boolean started;

            @Override
            public void process(Exchange exchange) {
                // one timer thread per schedule: the flag needs no synchronisation
                runner.tick(schedule, !started);
                started = true;
            }
        };
    }
}
