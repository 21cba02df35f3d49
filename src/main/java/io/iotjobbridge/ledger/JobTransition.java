package io.iotjobbridge.ledger;

import java.time.Instant;

/** One committed state change of a job. */
public record JobTransition(Instant at, JobState state, String detail) {
}
