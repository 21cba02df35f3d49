package io.iotjobbridge.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.iotjobbridge.job.IntakeResult;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.request.RequestLayout;
import io.iotjobbridge.request.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at each tick of a schedule, which fire times are due and runs them: renders the request for each and
 * admits it through {@link JobIntake}, as a dropped file is. A fire's request id is derived from the fire time, so
 * nodes that fire the same time make one job between them; the schedule's last fire advances only after the
 * admission (a crash in between re-admits the same id: a duplicate, which is harmless).
 */
public final class ScheduleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final JobIntake intake;
    private final ScheduleState state;
    private final ScheduleSettings settings;
    private final Clock clock;

    public ScheduleRunner(JobIntake intake, ScheduleState state, ScheduleSettings settings, Clock clock) {
        this.intake = intake;
        this.state = state;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks that the schedule's request, rendered as if it fired now, is one the bridge accepts (account,
     * operation, parameter rules, e.g. a window too long for the API).
     *
     * @throws IllegalArgumentException naming the schedule, the request parameter and each broken rule
     */
    public void check(Schedule schedule) {
        ScheduleFire trial = fireAt(schedule, clock.instant());
        List<Violation> violations = intake.check(schedule.template().render(trial, schedule.defaultRequestId(trial)));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("schedule '" + schedule.name() + "': parameter 'request' ("
                    + schedule.requestFile() + ") renders a request the bridge would reject: " + violations.stream()
                    .map(v -> v.field() + " " + v.rule()).collect(Collectors.joining("; ")));
        }
    }

    /**
     * One tick: runs the due fires the schedule's missed-fire policy keeps, logs each it skips, and advances the
     * schedule's last fire.
     *
     * @param atStart whether this is the first tick since the bridge started (for {@code runAtStart})
     */
    public void tick(Schedule schedule, boolean atStart) {
        Instant now = clock.instant();
        Optional<Instant> atStartFire = atStart && schedule.runAtStart()
                ? schedule.cron().latestAtOrBefore(now) : Optional.empty();
        Optional<Instant> last = state.lastFire(schedule.name());
        if (last.isEmpty()) {
            atStartFire.ifPresent(fire -> run(schedule, fire, "run at start"));
            if (state.begin(schedule.name(), now)) {
                LOG.info("schedule {} starts now: fire times before {} are not back-filled; next fire {}",
                        schedule.name(), now, schedule.cron().nextAfter(now).map(Instant::toString).orElse("never"));
            }
            return;
        }
        DueFires due = DueFires.between(schedule.cron(), last.get(), now, settings.grace(), settings.maxCatchUp());
        FirePlan plan = schedule.missed().plan(due);
        if (plan.olderSkipped() > 0) {
            LOG.warn("schedule {}: {} missed fire(s) before {} skipped: more than {} = {}", schedule.name(),
                    plan.olderSkipped(), due.missed().get(0), ScheduleSettings.MAX_CATCH_UP_KEY, settings.maxCatchUp());
        }
        plan.skipped().forEach(fire -> LOG.warn("schedule {}: missed fire {} skipped (missed = {})", schedule.name(),
                fire, schedule.missed()));
        TreeSet<Instant> toRun = new TreeSet<>(plan.run());
        atStartFire.ifPresent(toRun::add);
        for (Instant fire : toRun) {
            run(schedule, fire, due.onTime().contains(fire) ? "on time"
                    : plan.run().contains(fire) ? "missed, caught up" : "run at start");
            state.advance(schedule.name(), fire);
        }
        due.latest().ifPresent(latest -> state.advance(schedule.name(), latest));
    }

    private void run(Schedule schedule, Instant fireTime, String why) {
        ScheduleFire fire = fireAt(schedule, fireTime);
        byte[] request = schedule.template().render(fire, schedule.defaultRequestId(fire));
        IntakeResult result = intake.accept(request, RequestLayout.DOCUMENT, "schedule " + schedule.name());
        String window = fire.window() == null ? "" : " window " + fire.window().startIso() + " to "
                + fire.window().endIso();
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            // the same request would be rejected at every retry: the fire is logged and passed, not retried
            LOG.error("schedule {}: fire {} ({}){} made a request the bridge rejects, so it is skipped: {}",
                    schedule.name(), fireTime, why, window, result.violations().stream()
                            .map(v -> v.field() + " " + v.rule()).collect(Collectors.joining("; ")));
            return;
        }
        LOG.info("schedule {}: fire {} ({}){} is job {} ({})", schedule.name(), fireTime, why, window,
                result.jobs().get(0).id(), result.outcome() == IntakeResult.Outcome.ACCEPTED ? "new" : "already recorded");
    }

    private static ScheduleFire fireAt(Schedule schedule, Instant fireTime) {
        return new ScheduleFire(schedule.name(), fireTime, schedule.zone(),
                schedule.window() == null ? null : schedule.window().resolve(fireTime, schedule.zone()));
    }
}
