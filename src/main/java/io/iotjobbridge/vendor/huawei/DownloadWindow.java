package io.iotjobbridge.vendor.huawei;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.iotjobbridge.vendor.VendorException;

/**
 * IoTDA lets one user download an export file once every 30 seconds ("单用户下载导出文件最大速率为30s一次"). This
 * keeps the downloads of one account in this process that far apart, so the vendor never has to refuse one; a
 * refusal it sends anyway (another process using the same account) is handled by {@link HuaweiErrors}.
 */
final class DownloadWindow {

    private final Duration interval;
    private final Clock clock;
    private Instant nextAllowed = Instant.MIN;

    DownloadWindow(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Takes the window for one download now.
     *
     * @throws VendorException (quota) when the last download was too recent; waiters are spread over the following
     *                         window so they do not all come back for the same moment
     */
    synchronized void claim() throws VendorException {
        Instant now = clock.instant();
        if (now.isBefore(nextAllowed)) {
            Instant retryAt = nextAllowed.plusMillis(ThreadLocalRandom.current().nextLong(interval.toMillis() + 1));
            throw VendorException.quota("ExportDownloadWindow", "IoTDA allows one export file download per "
                    + interval.toSeconds() + " s per user; the next is possible at " + nextAllowed, retryAt);
        }
        nextAllowed = now.plus(interval);
    }
}
