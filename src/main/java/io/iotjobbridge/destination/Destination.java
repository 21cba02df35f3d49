package io.iotjobbridge.destination;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A named place result files go to: a Camel endpoint URI from configuration (never from a request) and the template
 * that names files under it.
 */
public record Destination(String name, String endpointUri, FileNameTemplate fileName) {

    /**
     * For the file component, writes go to a temporary name and are renamed when complete, and an existing file is
     * never overwritten; a user's own options win where given.
     */
    public static Destination of(String name, String uri, FileNameTemplate fileName) {
        String endpoint = uri;
        if (uri.startsWith("file:")) {
            endpoint = withDefault(endpoint, "tempPrefix", ".part-");
            endpoint = withDefault(endpoint, "fileExist", "Fail");
        }
        return new Destination(name, endpoint, fileName);
    }

    /** Where a file named {@code target} lands on this machine's disk, for a {@code file:} destination. */
    public Optional<Path> localFile(String target) {
        if (!endpointUri.startsWith("file:")) {
            return Optional.empty();
        }
        String location = endpointUri.substring("file:".length());
        int query = location.indexOf('?');
        location = query < 0 ? location : location.substring(0, query);
        if (location.startsWith("//")) {
            location = location.substring(2);
        }
        return Optional.of(Path.of(location).resolve(target));
    }

    private static String withDefault(String uri, String option, String value) {
        if (uri.contains("?" + option + "=") || uri.contains("&" + option + "=")) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + option + "=" + value;
    }
}
