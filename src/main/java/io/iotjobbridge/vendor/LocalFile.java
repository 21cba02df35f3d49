package io.iotjobbridge.vendor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A result file the bridge wrote itself (a report), spooled on local disk until it is delivered. */
public record LocalFile(String fileName, Path path) implements ResultFile {

    @Override
    public ResultContent open() throws VendorException {
        try {
            return new ResultContent(Files.newInputStream(path), Files.size(path));
        } catch (IOException e) {
            // the spool is rewritten on the next attempt, so a lost spool file is worth a retry
            throw VendorException.retryable("SpoolUnreadable", Failures.describe(e) + " reading spooled "
                    + fileName, e);
        }
    }
}
