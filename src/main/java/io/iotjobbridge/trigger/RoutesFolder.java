package io.iotjobbridge.trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Makes sure the folder of the user's own trigger routes ({@value #KEY}) exists before Camel Main looks for routes
 * in it: Camel fails start-up on a {@code file:} route pattern whose folder is missing, and a bridge with no routes
 * of the user's own must start as well as one with some.
 */
public final class RoutesFolder extends MainListenerSupport {

    static final String KEY = "bridge.routes-dir";

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        main.getCamelContext().getPropertiesComponent().resolveProperty(KEY)
                .filter(dir -> !dir.isBlank())
                .map(String::strip)
                .ifPresent(RoutesFolder::create);
    }

    private static void create(String dir) {
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(KEY + " must name a folder the bridge can create or read; '" + dir
                    + "' cannot be created: " + e.getMessage(), e);
        }
    }
}
