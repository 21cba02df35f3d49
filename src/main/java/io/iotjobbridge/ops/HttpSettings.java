package io.iotjobbridge.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.Secret;

/**
 * Where the operations server (health, metrics, status API, dashboard) listens, and the token its status API asks
 * for. Camel Main starts the server itself from {@code camel.server.*}, which application.properties points at these
 * keys; the bridge reads them again only to decide whether a token is needed.
 *
 * @param token required on every status API call when present; absent only while the server listens on loopback
 */
public record HttpSettings(String host, Optional<Secret> token) {

    static final String TOKEN_KEY = "bridge.http.token";

    public static HttpSettings fromProperties(BridgeProperties props) {
        String host = props.get("bridge.http.host", "127.0.0.1");
        boolean tokenGiven = props.get(TOKEN_KEY).isPresent() || props.get(TOKEN_KEY + "-file").isPresent();
        Optional<Secret> token = tokenGiven ? Optional.of(Secret.fromSetting(props::get, TOKEN_KEY)) : Optional.empty();
        if (token.isPresent() && token.get().reveal().length() < 16) {
            throw new IllegalArgumentException(TOKEN_KEY + " must be at least 16 characters long");
        }
        if (token.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException(TOKEN_KEY + " (or " + TOKEN_KEY + "-file) must be set when"
                    + " bridge.http.host is not a loopback address (it is " + host + "): the status API can submit"
                    + " and cancel jobs");
        }
        return new HttpSettings(host, token);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
