package io.iotjobbridge.destination;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A named place result files go to: a Camel endpoint URI from configuration (never from a request) and the template
 * that names files under it.
 */
public record Destination(String name, String endpointUri, FileNameTemplate fileName) {

    /** The components whose producers write under a temporary name and can refuse to overwrite (camel-file, camel-ftp). */
    private static final Set<String> FILE_LIKE = Set.of("file", "ftp", "ftps", "sftp");
    /** Of those, the ones whose files the bridge reads back through a Camel consumer to compare with what it has. */
    private static final Set<String> REMOTE = Set.of("ftp", "ftps", "sftp");

    /**
     * For the file and FTP/SFTP components, writes go to a temporary name and are renamed when complete, and an
     * existing file is never overwritten; a user's own options win where given. Other components write the way
     * they do (S3, for one, makes an object visible only once it is complete).
     */
    public static Destination of(String name, String uri, FileNameTemplate fileName) {
        String endpoint = uri;
        if (FILE_LIKE.contains(scheme(uri))) {
            endpoint = withDefault(endpoint, "tempPrefix", ".part-");
            endpoint = withDefault(endpoint, "fileExist", "Fail");
        }
        return new Destination(name, endpoint, fileName);
    }

    /**
     * The same endpoint, but replacing a file that is there: only for files the bridge owns outright and writes
     * with deterministic content (the job manifest), so a rewrite after a crash gives the same bytes.
     */
    public String overwritingUri() {
        if (!FILE_LIKE.contains(scheme(endpointUri))) {
            return endpointUri;
        }
        return endpointUri.replaceAll("([?&])fileExist=[^&]*", "$1fileExist=Override");
    }

    /** Where a file named {@code target} lands on this machine's disk, for a {@code file:} destination. */
    public Optional<Path> localFile(String target) {
        if (!"file".equals(scheme(endpointUri))) {
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

    /**
     * A consumer URI that picks up exactly the file {@code target} of an FTP/SFTP destination, leaving it in place,
     * spooled to {@code workDir} rather than held in memory; empty for components the bridge cannot read back.
     */
    public Optional<String> readBackUri(String target, Path workDir) {
        if (!REMOTE.contains(scheme(endpointUri))) {
            return Optional.empty();
        }
        int query = endpointUri.indexOf('?');
        String base = query < 0 ? endpointUri : endpointUri.substring(0, query);
        String options = query < 0 ? "" : endpointUri.substring(query + 1) + "&";
        int slash = target.lastIndexOf('/');
        String folder = slash < 0 ? "" : "/" + target.substring(0, slash);
        String file = target.substring(slash + 1);
        // template values are SafeNames (no ')'), so RAW() keeps the name exactly as written; noop + no idempotent
        // repository: the file stays where it is and is found again on every read-back
        return Optional.of((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + folder + "?" + options
                + "fileName=RAW(" + file + ")&noop=true&idempotent=false&localWorkDirectory=RAW(" + workDir + ")");
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static String withDefault(String uri, String option, String value) {
        if (uri.contains("?" + option + "=") || uri.contains("&" + option + "=")) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + option + "=" + value;
    }
}
