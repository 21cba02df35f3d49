package io.iotjobbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.iotjobbridge.request.RequestLayout;

/**
 * Request files as the file drop reads them: the layout, and for the status API the media type, follow from the
 * file name's extension; other files are not request files.
 */
enum RequestFiles {

    JSON("application/json", RequestLayout.DOCUMENT, ".json"),
    JSON_LINES("application/x-ndjson", RequestLayout.JSON_LINES, ".jsonl", ".ndjson"),
    YAML("application/yaml", RequestLayout.DOCUMENT, ".yaml", ".yml");

    private final String mediaType;
    private final RequestLayout layout;
    private final String[] extensions;

    RequestFiles(String mediaType, RequestLayout layout, String... extensions) {
        this.mediaType = mediaType;
        this.layout = layout;
        this.extensions = extensions;
    }

    /** The kind of request file {@code file} is, by its name; a usage error naming the file for any other name. */
    static RequestFiles of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (RequestFiles kind : values()) {
            for (String extension : kind.extensions) {
                if (name.endsWith(extension)) {
                    return kind;
                }
            }
        }
        throw new CommandFailure(ExitCode.USAGE, file + ": not a request file; the name must end in .json, .jsonl,"
                + " .ndjson, .yaml or .yml");
    }

    /** The file's bytes; a usage error naming the file when it cannot be read. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, file + ": cannot be read (" + describe(e) + ")");
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName();
    }

    String mediaType() {
        return mediaType;
    }

    RequestLayout layout() {
        return layout;
    }
}
