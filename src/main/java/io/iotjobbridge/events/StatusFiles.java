package io.iotjobbridge.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <folder>/<job id>.json}: each job's latest status event, replaced whole, so a reader never sees half a
 * document. Job ids are UUIDs the bridge made, so the name is always a plain file name.
 */
public final class StatusFiles {

    private final Path folder;

    public StatusFiles(Path folder) {
        this.folder = folder;
    }

    public Path of(String jobId) {
        return folder.resolve(jobId + ".json");
    }

    public void write(String jobId, String json) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".status-", ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, of(jobId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the status file of job " + jobId, e);
        }
    }
}
