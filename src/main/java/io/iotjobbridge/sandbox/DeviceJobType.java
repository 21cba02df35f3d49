package io.iotjobbridge.sandbox;

/**
 * CreateJob's {@code Type}, with the range the page gives TimeoutConfig's {@code inProgressTimeoutInMinutes} for it.
 * PUB jobs take no timeout (the page says it applies to the other types only).
 */
enum DeviceJobType {
    INVOKE_SERVICE(1, 5, 1),
    SET_PROPERTY(1, 5, 1),
    PUB(0, 0, 0),
    CUSTOM_JOB(1, 3_600, 60);

    private final int minTimeoutMinutes;
    private final int maxTimeoutMinutes;
    private final int defaultTimeoutMinutes;

    DeviceJobType(int minTimeoutMinutes, int maxTimeoutMinutes, int defaultTimeoutMinutes) {
        this.minTimeoutMinutes = minTimeoutMinutes;
        this.maxTimeoutMinutes = maxTimeoutMinutes;
        this.defaultTimeoutMinutes = defaultTimeoutMinutes;
    }

    boolean hasTimeout() {
        return maxTimeoutMinutes > 0;
    }

    boolean allowsTimeout(int minutes) {
        return minutes >= minTimeoutMinutes && minutes <= maxTimeoutMinutes;
    }

    int minTimeoutMinutes() {
        return minTimeoutMinutes;
    }

    int maxTimeoutMinutes() {
        return maxTimeoutMinutes;
    }

    int defaultTimeoutMinutes() {
        return defaultTimeoutMinutes;
    }
}
