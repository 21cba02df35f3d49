package io.iotjobbridge.vendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Local scratch space for reports a flow writes before they are delivered: one folder per job under
 * {@code <data-dir>/work}, rewritten from the vendor's answers on every attempt and removed when the job ends, so
 * a report never has to fit in memory and a crash leaves nothing that could be mistaken for a result.
 */
public final class Spool {

    private final Path root;

    public Spool(Path root) {
        this.root = root;
    }

    /** A fresh (empty) file {@code name} in the job's folder. */
    public Path file(String jobId, String name) throws VendorException {
        Path folder = folder(jobId);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " preparing " + name, e);
        }
    }

    /**
     * The file {@code name} an earlier attempt of the job left complete in its folder, if any: for a result the vendor
     * lets the bridge fetch only so often (an export file once per 30 s), fetched once and kept until the job ends.
     */
    public Optional<Path> existing(String jobId, String name) {
        Path file = folder(jobId).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Removes whatever the job spooled; called when the job reaches a final state. */
    public void discard(String jobId) {
        Path folder = folder(jobId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the spool of job " + jobId, e);
        }
    }

    private Path folder(String jobId) {
        // job ids are UUIDs the ledger made, but a path is built from them, so make sure they stay one segment
        if (!jobId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return root.resolve(jobId);
    }
}
