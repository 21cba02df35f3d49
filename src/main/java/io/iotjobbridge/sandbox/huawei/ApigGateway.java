package io.iotjobbridge.sandbox.huawei;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.vendor.SignatureEncoding;
import io.iotjobbridge.vendor.huawei.HuaweiSigner;

/**
 * The API gateway's AK/SK checks, in its order: a signature header in a known scheme, a known AK, signed headers
 * that cover {@code host} and {@code x-sdk-date}, a fresh {@code X-Sdk-Date}, and a signature that matches the one
 * recomputed with {@link HuaweiSigner} over exactly the headers the client signed. A derived ({@code V11}) signature
 * must also be scoped to the request's date, the sandbox's region and IoTDA's service name.
 */
final class ApigGateway {

    private final Map<String, Secret> credentials;
    private final String regionId;
    private final Duration clockSkewAllowed;
    private final Clock clock;

    ApigGateway(Map<String, Secret> credentials, String regionId, Duration clockSkewAllowed, Clock clock) {
        this.credentials = Map.copyOf(credentials);
        this.regionId = regionId;
        this.clockSkewAllowed = clockSkewAllowed;
        this.clock = clock;
    }

    /**
     * @return the AK the request was signed with
     * @throws IotdaRejection APIG.0301 for any failed check
     */
    String authenticate(IotdaRequest request) {
        ApigAuthorization auth = ApigAuthorization.parse(request.header("authorization"));
        Secret secret = credentials.get(auth.accessKeyId());
        if (secret == null) {
            throw IotdaError.unknownAccessKey(auth.accessKeyId()).rejection();
        }
        if (!auth.signedHeaders().contains("host") || !auth.signedHeaders().contains(HuaweiSigner.DATE_HEADER)) {
            throw IotdaError.signatureMismatch().rejection();
        }
        String sdkDate = request.header(HuaweiSigner.DATE_HEADER);
        Instant signedAt = parseSdkDate(sdkDate);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(clockSkewAllowed) > 0) {
            throw IotdaError.dateExpired().rejection();
        }
        String canonical = HuaweiSigner.canonicalRequest(request.method(), request.path(), request.query(),
                request.headers(), auth.signedHeaders(), payloadHash(request));
        String expected;
        if (auth.derived()) {
            String scope = HuaweiSigner.derivationScope(sdkDate, regionId, HuaweiSigner.IOTDA_DERIVED_SERVICE);
            if (!scope.equals(auth.scope())) {
                throw IotdaError.signatureMismatch().rejection();
            }
            expected = HuaweiSigner.derivedSignature(auth.accessKeyId(), secret, sdkDate, regionId,
                    HuaweiSigner.IOTDA_DERIVED_SERVICE, canonical);
        } else {
            expected = HuaweiSigner.sdkSignature(secret, sdkDate, canonical);
        }
        // constant-time, so response timing says nothing about how much of a forged signature was right
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw IotdaError.signatureMismatch().rejection();
        }
        return auth.accessKeyId();
    }

    /** The SDK sends {@code X-Sdk-Content-Sha256} only to stand in for a body it does not hash (e.g. a stream). */
    private static String payloadHash(IotdaRequest request) {
        String declared = request.header("x-sdk-content-sha256");
        return declared != null ? declared : SignatureEncoding.sha256Hex(request.body());
    }

    private static Instant parseSdkDate(String value) {
        if (value == null) {
            throw IotdaError.signatureMismatch().rejection();
        }
        try {
            return IotdaTimes.COMPACT.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw IotdaError.signatureMismatch().rejection();
        }
    }
}
