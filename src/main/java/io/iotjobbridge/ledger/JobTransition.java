package io.iotjobbridge.ledger;

import java.time.Instant;

/** One committed state change of a job, with its vendor job id and progress as they were then. */
public record JobTransition(Instant at, JobState state, String detail, String vendorJobId, Integer progress) {
}
