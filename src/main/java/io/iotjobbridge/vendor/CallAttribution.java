package io.iotjobbridge.vendor;

/**
 * Which job the calls made on this thread are for. A worker advances one job at a time on its own thread, and the
 * vendor clients are shared by every job of an account, so the engine names the job here for the duration of a
 * step rather than threading its id through every client method.
 */
public final class CallAttribution {

    private static final ThreadLocal<String> JOB = new ThreadLocal<>();

    private CallAttribution() {
    }

    /** Attributes the calls made by {@code step} on this thread to {@code jobId}. */
    public static void during(String jobId, Runnable step) {
        String outer = JOB.get();
        JOB.set(jobId);
        try {
            step.run();
        } finally {
            if (outer == null) {
                JOB.remove();
            } else {
                JOB.set(outer);
            }
        }
    }

    /** The job the current step is for, or null outside a step. */
    static String currentJob() {
        return JOB.get();
    }
}
