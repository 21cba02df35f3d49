package io.iotjobbridge.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.config.Secret;
import picocli.CommandLine.Option;

/** Where the bridge's status API is and the token it asks for: the options every talking command shares. */
final class ConnectionOptions {

    static final String TOKEN_ENV = "BRIDGE_HTTP_TOKEN";

    @Option(names = "--url", paramLabel = "URL",
            description = "the bridge's operations address (default: http://127.0.0.1:<bridge.http.port>)")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "a file holding the status API token (default: the environment variable " + TOKEN_ENV + ")")
    Path tokenFile;

    /** A client for the bridge these options name; the default port comes from the bridge's own configuration. */
    BridgeClient connect(Map<String, String> env) {
        URI base = url != null ? url : URI.create("http://127.0.0.1:"
                + OfflineConfiguration.load(env).get("bridge.http.port", "18480"));
        return new BridgeClient(base, token(env));
    }

    private Optional<Secret> token(Map<String, String> env) {
        if (tokenFile == null) {
            return Optional.ofNullable(env.get(TOKEN_ENV)).map(String::strip).filter(t -> !t.isEmpty()).map(Secret::of);
        }
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new CommandFailure(ExitCode.USAGE, "--token-file " + tokenFile + ": the file is empty");
            }
            return Optional.of(Secret.of(token));
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, "--token-file " + tokenFile + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
