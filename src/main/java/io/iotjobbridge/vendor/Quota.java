package io.iotjobbridge.vendor;

import java.time.ZoneId;

/**
 * A vendor limit on vendor jobs themselves (not on calls per second, which {@link CallBudget} keeps). Jobs that
 * name the same {@code key} share one quota across the whole cluster: the ledger checks and takes a share in one
 * transaction, so two nodes can never both take the last one.
 */
public sealed interface Quota {

    /** Names the quota, e.g. {@code aliyun:acct:CreateDownloadDataJob:running}. */
    String key();

    /** Readable description for operators, e.g. "1 running data download per instance". */
    String describe();

    /** At most {@code max} vendor jobs created and not yet finished by the vendor. */
    record Unfinished(String key, int max, String describe) implements Quota {
    }

    /** At most {@code max} vendor jobs created per calendar day in the vendor's time zone. */
    record PerDay(String key, int max, ZoneId zone, String describe) implements Quota {
    }

    /**
     * The vendor keeps only the {@code max} newest vendor jobs and deletes older ones: never create one when that
     * would delete a job whose result the bridge has not fetched yet.
     */
    record Retained(String key, int max, String describe) implements Quota {
    }
}
