package io.iotjobbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;

/** Creates sandbox jobs for tests in other packages, signed with the sandbox's default credentials. */
public final class SandboxJobs {

    private SandboxJobs() {
    }

    /** A CreateDownloadDataJob over the hour before {@code clock}'s now; returns its LongJobId. */
    public static String createDownloadJob(VendorSandbox sandbox, Clock clock, String instanceId) {
        RpcTestClient client = new RpcTestClient(sandbox.baseUrl(), SandboxSettings.DEFAULT_ACCESS_KEY_ID,
                Secret.of(SandboxSettings.DEFAULT_ACCESS_KEY_SECRET), clock);
        Instant end = clock.instant();
        JsonNode created = client.createJobResponse("device_data", end.minus(Duration.ofHours(1)).toEpochMilli(),
                end.toEpochMilli(), null, instanceId).json();
        String longJobId = created.path("Data").path("LongJobId").asText();
        if (longJobId.isEmpty()) {
            throw new IllegalStateException("the sandbox created no download job: " + created);
        }
        return longJobId;
    }
}
