package io.iotjobbridge.destination;

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

    private static String withDefault(String uri, String option, String value) {
        if (uri.contains("?" + option + "=") || uri.contains("&" + option + "=")) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + option + "=" + value;
    }
}
