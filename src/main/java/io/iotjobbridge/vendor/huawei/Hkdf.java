package io.iotjobbridge.vendor.huawei;

import java.io.ByteArrayOutputStream;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * HKDF (RFC 5869) over HMAC-SHA256. The JDK 17 has no HKDF API, and this is the whole algorithm: one extract, then
 * as many expand rounds as the output needs; checked against the RFC's test case 1 and the Huawei SDK's vector.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1.." + 255 * HASH_LENGTH + " bytes");
        }
        byte[] pseudoRandomKey = SignatureEncoding.hmac(HMAC, salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKey);
        ByteArrayOutputStream output = new ByteArrayOutputStream(length);
        byte[] previous = new byte[0];
        for (int round = 1; output.size() < length; round++) {
            byte[] block = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, block, 0, previous.length);
            System.arraycopy(info, 0, block, previous.length, info.length);
            block[block.length - 1] = (byte) round;
            previous = SignatureEncoding.hmac(HMAC, pseudoRandomKey, block);
            output.write(previous, 0, Math.min(previous.length, length - output.size()));
        }
        return output.toByteArray();
    }
}
