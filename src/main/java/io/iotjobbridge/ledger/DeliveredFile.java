package io.iotjobbridge.ledger;

import java.time.Instant;

/** A result file written to its destination: where, how big, and its SHA-256, for manifests and audits. */
public record DeliveredFile(String name, String location, long sizeBytes, String sha256, Instant deliveredAt) {
}
