package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.RunningBridges;
import io.iotjobbridge.job.JobSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the shipped limits, a request just over {@code bridge.inbox.max-file-bytes} reaches the status API, which
 * refuses it with its JSON reason: the HTTP server's own body cap must not answer first.
 */
class ApiBodyLimitTest {

    private static final int SHIPPED_MAX_FILE_BYTES = 10 * 1024 * 1024;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final RunningBridges bridges = new RunningBridges();

    private RunningBridge bridge;

    @Test
    void shouldRefuseABodyJustOverTheShippedFileLimitWithTheApisOwnReason() throws Exception {
        bridge = bridges.start(dataDir, Map.of());
        String document = "{" + " ".repeat(SHIPPED_MAX_FILE_BYTES) + "}";

        ApiClient.Answer answer = new ApiClient(bridge.httpUrl(), null).submit("application/json", document);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.violations()).containsExactly("request: is " + document.length() + " bytes; at most "
                + SHIPPED_MAX_FILE_BYTES + " bytes are taken (" + JobSubmission.MAX_FILE_BYTES_KEY + ")");
    }
}
