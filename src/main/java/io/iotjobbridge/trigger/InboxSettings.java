package io.iotjobbridge.trigger;

import java.nio.file.Path;
import java.time.Duration;

import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.job.JobSubmission;
import io.iotjobbridge.request.RequestParser;

/**
 * The file drop inbox's settings ({@code bridge.inbox.*}), checked at start-up.
 *
 * @param dir           the folder requests are dropped into; several nodes may share it
 * @param maxFileBytes  the largest request file taken; a larger one is rejected unread
 * @param maxBatchItems the most requests one batch file may hold
 * @param claimMaxAge   how long a node's claim on a file holds without being renewed: after a node dies while
 *                      taking a file, another node (or the same one, restarted) takes the file after this
 */
public record InboxSettings(Path dir, long maxFileBytes, int maxBatchItems, Duration claimMaxAge) {

    /** A request file is read into memory whole; nothing legitimate comes near this. */
    static final int MAX_FILE_BYTES_CEILING = 1 << 30;
    static final String DIR_KEY = "bridge.inbox.dir";
    static final String CLAIM_MAX_AGE_KEY = "bridge.inbox.claim-max-age-ms";
    private static final int DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final Duration DEFAULT_CLAIM_MAX_AGE = Duration.ofMinutes(1);
    /** The keep-alive renews claims this many times within their max age, so one late renewal loses nothing. */
    private static final int RENEWALS_PER_MAX_AGE = 4;

    public InboxSettings {
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_CEILING) {
            throw new IllegalArgumentException(JobSubmission.MAX_FILE_BYTES_KEY + " must be between 1 and "
                    + MAX_FILE_BYTES_CEILING + " (1 GiB, a request file is read whole); was " + maxFileBytes);
        }
        if (maxBatchItems < 1) {
            throw new IllegalArgumentException(RequestParser.MAX_BATCH_ITEMS_KEY + " must be 1 or more; was "
                    + maxBatchItems);
        }
        if (claimMaxAge.toMillis() < RENEWALS_PER_MAX_AGE) {
            throw new IllegalArgumentException(CLAIM_MAX_AGE_KEY + " must be at least " + RENEWALS_PER_MAX_AGE
                    + " ms; was " + claimMaxAge.toMillis());
        }
    }

    public static InboxSettings fromProperties(BridgeProperties props, Path dataDir) {
        return new InboxSettings(
                props.get(DIR_KEY).map(dir -> Path.of(dir).toAbsolutePath().normalize())
                        .orElseGet(() -> dataDir.resolve("inbox")),
                props.getLong(JobSubmission.MAX_FILE_BYTES_KEY, DEFAULT_MAX_FILE_BYTES),
                props.getInt(RequestParser.MAX_BATCH_ITEMS_KEY, RequestParser.DEFAULT_MAX_BATCH_ITEMS),
                props.getMillis(CLAIM_MAX_AGE_KEY, DEFAULT_CLAIM_MAX_AGE));
    }

    /** The file size limit as the int it always fits (the ceiling is below 2 GiB). */
    public int maxFileBytesInt() {
        return Math.toIntExact(maxFileBytes);
    }

    /** How often a node renews the claims it holds. */
    Duration claimKeepAlive() {
        return claimMaxAge.dividedBy(RENEWALS_PER_MAX_AGE);
    }
}
