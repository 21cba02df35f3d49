package io.iotjobbridge.sandbox.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.iotjobbridge.sandbox.StatsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns job status changes into pushed messages. Sandbox jobs have no events of their own (their status is computed
 * from the clock when asked), so this looks at every unfinished watched job at a short interval and announces each
 * status that differs from the last one it announced. A status that lasts less than the interval may be skipped,
 * never the final one. With {@code duplicates} on, every message goes out twice, as an at-least-once vendor may
 * send it.
 */
public final class PushSource implements JobWatcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushSource.class);

    private final PushBroker broker;
    private final Clock clock;
    private final StatsRecorder stats;
    private final boolean duplicates;
    private final ScheduledExecutorService ticker;
    private final Set<Watched<?>> watched = ConcurrentHashMap.newKeySet();

    private PushSource(PushBroker broker, PushSettings settings, Clock clock, StatsRecorder stats) {
        this.broker = broker;
        this.clock = clock;
        this.stats = stats;
        this.duplicates = settings.duplicates();
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-push");
            // a sandbox someone forgot to close must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts looking at watched jobs every {@code settings.checkInterval()}. */
    public static PushSource start(PushBroker broker, PushSettings settings, Clock clock, StatsRecorder stats) {
        PushSource source = new PushSource(broker, settings, clock, stats);
        long every = settings.checkInterval().toMillis();
        source.ticker.scheduleWithFixedDelay(source::lookAtJobs, every, every, TimeUnit.MILLISECONDS);
        return source;
    }

    @Override
    public <S> void watch(Watch<S> job) {
        S now = job.statusAt(clock.instant());
        if (!job.isFinal(now)) {
            watched.add(new Watched<>(job, now));
        }
    }

    /** One look at every watched job; public so a test can drive it without waiting for the ticker. */
    void lookAtJobs() {
        Instant now = clock.instant();
        for (Watched<?> job : watched) {
            try {
                if (job.announceChange(now)) {
                    watched.remove(job);
                }
            } catch (RuntimeException e) {
                // one job's trouble must not stop the others' announcements; it is tried again at the next look
                LOG.warn("Sandbox could not push a job status: {}", e.toString());
            }
        }
    }

    private void publish(Watch.Announcement announcement) {
        int copies = duplicates ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            broker.publish(announcement.to(), announcement.queue(), announcement.message());
            stats.pushed(announcement.message().kind());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox push thread still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job and the last status announced for it (or found when it was first watched). */
    private final class Watched<S> {

        private final Watch<S> job;
        private S announced;

        Watched(Watch<S> job, S initial) {
            this.job = job;
            this.announced = initial;
        }

        /** Announces the status if it changed; true once it is final. */
        boolean announceChange(Instant now) {
            S status = job.statusAt(now);
            if (!status.equals(announced)) {
                publish(job.announce(status, now));
                announced = status;
            }
            return job.isFinal(status);
        }
    }
}
