package io.iotjobbridge.sandbox;

import java.util.Map;

import io.iotjobbridge.config.Secret;

/**
 * What a request claims about itself, read by one of the signature schemes; nothing here is trusted until
 * {@link #signatureCheck()} has passed with the secret of {@link #accessKeyId()}.
 *
 * @param timestamp the claimed signing time, as sent (V1 {@code Timestamp}, V3 {@code x-acs-date})
 * @param params    the business parameters (query and form body)
 * @param format    how to answer, which V1 callers choose with {@code Format}
 */
record SignedRequest(String accessKeyId, String action, String version, String timestamp, String nonce,
                     Map<String, String> params, WireFormat format, SignatureCheck signatureCheck) {

    /** Recomputes the signature with a candidate secret; kept apart so the secret is looked up only once trusted. */
    @FunctionalInterface
    interface SignatureCheck {
        boolean matches(Secret accessKeySecret);
    }
}
