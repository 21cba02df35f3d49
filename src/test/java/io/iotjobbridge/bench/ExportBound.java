package io.iotjobbridge.bench;

import java.time.Duration;

/**
 * The earliest moment IoTDA's export rules let the last of {@code n} exports of one user start downloading, counted
 * from the moment the first export could be created. The rules, as the sandbox enforces them
 * ({@code sandbox.huawei.ExportLedger}): an export stays Processing for P, at most U exports are Processing at once,
 * only the newest K are kept (creating one more deletes the oldest), and export file downloads of one user are at
 * least I apart.
 *
 * <p>Number the exports in the order they finish, which is the order they are created (each takes exactly P) and
 * the best order to download them in. With f(j) the finish of export j and d(j) the start of its download:
 * <ul>
 *   <li>export j starts at f(j) - P, when fewer than U others are Processing: exports j-U+1 … j-1 may be, export
 *   j-U must be finished, so f(j) &gt;= f(j-U) + P, and f(j) &gt;= P for the first U;</li>
 *   <li>creating export j deletes export j-K, whose file must have been fetched by then: f(j) &gt;= d(j-K) + P;</li>
 *   <li>a download needs its export finished and the previous download I earlier: d(j) = max(f(j), d(j-1) + I).</li>
 * </ul>
 * The bound on the whole run is d(n) plus the time one download takes. Without the kept limit,
 * d(n) = max over j of ceil(j/U)·P + (n-j)·I: P + (n-1)·I when downloads are the bottleneck, ceil(n/U)·P when
 * exports are; the kept limit only adds to that when exports would otherwise run more than K ahead of downloads.
 */
final class ExportBound {

    /** The vendor's figures: 5 unfinished and 50 kept exports, a download per 30 s, per user. */
    record Rules(Duration processing, Duration downloadInterval, int unfinished, int kept) {

        Rules {
            require(!processing.isNegative(), "processing must not be negative");
            require(!downloadInterval.isNegative(), "downloadInterval must not be negative");
            require(unfinished >= 1, "unfinished must be at least 1");
            require(kept >= 1, "kept must be at least 1");
        }
    }

    private ExportBound() {
    }

    /** The earliest start of the last of {@code n} downloads, after the first export could be created. */
    static Duration lastDownloadStart(int n, Rules rules) {
        require(n >= 1, "n (exports) must be at least 1");
        long p = rules.processing().toMillis();
        long i = rules.downloadInterval().toMillis();
        long[] finish = new long[n + 1];
        long[] download = new long[n + 1];
        for (int j = 1; j <= n; j++) {
            long f = j <= rules.unfinished() ? p : finish[j - rules.unfinished()] + p;
            if (j > rules.kept()) {
                f = Math.max(f, download[j - rules.kept()] + p);
            }
            finish[j] = f;
            download[j] = j == 1 ? f : Math.max(f, download[j - 1] + i);
        }
        return Duration.ofMillis(download[n]);
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
