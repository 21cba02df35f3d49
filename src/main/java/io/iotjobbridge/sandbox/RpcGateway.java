package io.iotjobbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import io.iotjobbridge.config.Secret;

/**
 * The checks the API gateway makes before a call reaches the product, in its order: a well-formed request for an API
 * that exists (in this region), a known AccessKeyId, a fresh timestamp, a matching signature, a nonce not seen before,
 * and the account's flow control for the API. The nonce is recorded only once the signature has matched, so a forger
 * cannot burn other callers' nonces, nor use up another account's calls per second.
 */
final class RpcGateway {

    static final String API_VERSION = "2018-01-20";

    private final Map<String, Secret> credentials;
    private final Set<String> actions;
    private final Set<String> actionsNotInRegion;
    private final Duration clockSkewAllowed;
    private final NonceRegistry nonces;
    private final FlowControl flowControl;
    private final Clock clock;

    /**
     * @param actions            every API the sandbox serves somewhere
     * @param actionsNotInRegion those of them the sandbox's region does not serve
     */
    RpcGateway(Map<String, Secret> credentials, Set<String> actions, Set<String> actionsNotInRegion,
               Duration clockSkewAllowed, NonceRegistry nonces, FlowControl flowControl, Clock clock) {
        this.credentials = Map.copyOf(credentials);
        this.actions = Set.copyOf(actions);
        this.actionsNotInRegion = Set.copyOf(actionsNotInRegion);
        this.clockSkewAllowed = clockSkewAllowed;
        this.nonces = nonces;
        this.flowControl = flowControl;
        this.clock = clock;
    }

    /** Reads the request's claims with the scheme it was signed with, and checks that it names a served API. */
    SignedRequest read(RpcHttpRequest request) {
        SignedRequest signed = AcsV3Scheme.appliesTo(request) ? AcsV3Scheme.read(request) : RpcV1Scheme.read(request);
        if (!API_VERSION.equals(signed.version())) {
            throw GatewayError.invalidVersion().rejection();
        }
        if (!actions.contains(signed.action())) {
            throw GatewayError.actionNotFound().rejection();
        }
        if (actionsNotInRegion.contains(signed.action())) {
            throw GatewayError.apiNotInRegion().rejection();
        }
        return signed;
    }

    AuthenticatedCall authenticate(SignedRequest signed) {
        Secret secret = credentials.get(signed.accessKeyId());
        if (secret == null) {
            throw GatewayError.accessKeyNotFound().rejection();
        }
        Instant now = clock.instant();
        Instant signedAt = parseTimestamp(signed.timestamp());
        if (Duration.between(signedAt, now).abs().compareTo(clockSkewAllowed) > 0) {
            throw GatewayError.timestampExpired().rejection();
        }
        if (!signed.signatureCheck().matches(secret)) {
            throw GatewayError.signatureDoesNotMatch().rejection();
        }
        switch (nonces.register(signed.accessKeyId(), signed.nonce(), signedAt.plus(clockSkewAllowed), now)) {
            case REUSED -> throw GatewayError.nonceUsed().rejection();
            case FULL -> throw GatewayError.throttled().rejection();
            case ACCEPTED -> {
                // fresh nonce: go on
            }
        }
        flowControl.admit(signed.accessKeyId(), signed.action(), now);
        return new AuthenticatedCall(signed.accessKeyId(), signed.action(), signed.params());
    }

    private static Instant parseTimestamp(String value) {
        try {
            // both versions send ISO-8601 UTC, e.g. 2018-01-01T12:00:00Z
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GatewayError.timestampMalformed().rejection();
        }
    }
}
