package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Names shaped like the vendor's: base62 strings, random for the ids the sandbox hands out, derived from SHA-256 where
 * the same input must always give the same name (devices of a generated fleet, IotIds, task fates).
 */
final class VendorIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private VendorIds() {
    }

    static String random(SecureRandom random, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    /** Up to 32 base62 characters that depend only on the seed. */
    static String derived(String seed, int length) {
        byte[] digest = sha256(seed);
        if (length > digest.length) {
            throw new IllegalArgumentException("at most " + digest.length + " characters: " + length);
        }
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(BASE62.charAt((digest[i] & 0xff) % BASE62.length()));
        }
        return id.toString();
    }

    /** A number in [0, 1) that depends only on the seed, for deciding a device's fate or timing. */
    static double fraction(String seed) {
        byte[] digest = sha256(seed);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** A 16-digit account id (SourceUid, TargetUid) for an AccessKeyId or an Alibaba Cloud login name. */
    static String uid(String account) {
        return "19" + String.format("%014d", (long) (fraction("uid/" + account) * 1e14));
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
