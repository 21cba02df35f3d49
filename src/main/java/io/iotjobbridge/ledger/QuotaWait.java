package io.iotjobbridge.ledger;

import java.time.Instant;

import io.iotjobbridge.vendor.Quota;

/** A submit that must wait: which quota is full, and when the bridge looks again (sooner if a share frees up). */
public record QuotaWait(Quota quota, Instant until, String reason) {
}
