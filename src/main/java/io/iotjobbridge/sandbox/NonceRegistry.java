package io.iotjobbridge.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Signature nonces already used, per AccessKeyId. A nonce only needs remembering until its request's timestamp falls
 * out of the allowed skew, because from then on the timestamp check refuses a replay by itself; so entries expire at
 * {@code timestamp + skew} and memory is bounded by the request rate over that window. A hard capacity guards against
 * a flood, answered as the gateway answers floods: with throttling.
 */
final class NonceRegistry {

    enum Outcome { ACCEPTED, REUSED, FULL }

    static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Map<String, Instant> forgetAt = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAt().compareTo(b.forgetAt()));

    NonceRegistry(int capacity) {
        this.capacity = capacity;
    }

    synchronized Outcome register(String accessKeyId, String nonce, Instant forgetAfter, Instant now) {
        evictBefore(now);
        String key = accessKeyId + '\n' + nonce;
        if (forgetAt.containsKey(key)) {
            return Outcome.REUSED;
        }
        if (forgetAt.size() >= capacity) {
            return Outcome.FULL;
        }
        forgetAt.put(key, forgetAfter);
        byExpiry.add(new Entry(key, forgetAfter));
        return Outcome.ACCEPTED;
    }

    synchronized int size() {
        return forgetAt.size();
    }

    private void evictBefore(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().forgetAt().isBefore(now)) {
            forgetAt.remove(byExpiry.poll().key());
        }
    }

    private record Entry(String key, Instant forgetAt) {
    }
}
