package io.iotjobbridge.sandbox;

import java.time.Instant;

/**
 * A CreateJob request that passed every documented rule, before the sandbox admits it.
 *
 * @param instanceKey    the IotInstanceId, empty for the account's default instance
 * @param description    null when not given
 * @param jobFile        CUSTOM_JOB's file, or null
 * @param timeoutMinutes {@code inProgressTimeoutInMinutes}, or null for PUB jobs, which take no timeout
 * @param scheduledTime  when the job is to start, or null to start at once
 */
record DeviceJobDraft(String accessKeyId, String instanceKey, String jobName, String jobDocument, JobTarget target,
                      DeviceJobType type, String description, JobFile jobFile, Integer timeoutMinutes,
                      Rollout rollout, Instant scheduledTime) {

    /** {@code JobFile}: a file uploaded earlier, and how to check it. */
    record JobFile(String fileKey, String signMethod, String sign) {
    }

    /** {@code RolloutConfig}, with the page's default of 1000 tasks pushed per minute. */
    record Rollout(int maximumPerMinute, String messageQoS) {

        static final Rollout DEFAULT = new Rollout(1_000, null);
    }
}
