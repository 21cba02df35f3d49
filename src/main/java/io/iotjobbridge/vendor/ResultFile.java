package io.iotjobbridge.vendor;

/**
 * One file a finished job delivers: a vendor download, a vendor API that answers with a file, or a report the
 * bridge wrote itself. Opened once per delivery attempt, right before its bytes are copied, because vendor links
 * are short-lived.
 */
public interface ResultFile {

    /** The name the vendor (or the report) gives the file; the destination's template decides the final path. */
    String fileName();

    /**
     * Opens the bytes; the caller closes them.
     *
     * @throws VendorException when the file cannot be had now, classified so the engine retries or fails the job
     */
    ResultContent open() throws VendorException;
}
