package io.iotjobbridge.ops.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One thing the bridge needs to do its work, reported on {@code /observe/health/ready} (not on liveness: a lost
 * database or broker is waited out, not cured by a restart). A probe that does not answer within
 * {@link #PROBE_TIMEOUT} counts as down, so a hung dependency cannot hang the readiness endpoint. Messages name
 * the problem in the bridge's own words, never an exception's text, which could carry a URL or a credential.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "readiness-probe");
        thread.setDaemon(true);
        return thread;
    });

    ReadinessCheck(String id) {
        super("bridge", id);
    }

    /** Why the dependency cannot be used right now; empty when it can. */
    abstract Optional<String> problem() throws Exception;

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Future<Optional<String>> probe = PROBES.submit(this::problem);
        Optional<String> problem;
        try {
            problem = probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            problem = Optional.of("no answer within " + PROBE_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            problem = Optional.of("the probe failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = Optional.of("the probe was interrupted");
        }
        problem.ifPresentOrElse(why -> builder.down().message(why), builder::up);
    }
}
