package io.iotjobbridge.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.iotjobbridge.ledger.CrashPoints;
import io.iotjobbridge.request.RequestLayout;
import io.iotjobbridge.request.Violation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code direct:job-submit}: hands a trigger's document to {@link JobIntake}, never reading more of it than the
 * size limit allows. A file larger than the limit is rejected on its length alone, before it is opened, so a huge
 * file costs no memory; a body of unknown length is read up to one byte past the limit and no further.
 */
public final class JobSubmission implements Processor {

    /** The setting the limit comes from, named in every rejection it causes. */
    public static final String MAX_FILE_BYTES_KEY = "bridge.inbox.max-file-bytes";

    private final JobIntake intake;
    private final int maxBytes;

    /** @param maxBytes the largest document taken, in bytes; below 2 GiB, since a document is read whole */
    public JobSubmission(JobIntake intake, int maxBytes) {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.intake = intake;
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String name = message.getHeader(Exchange.FILE_NAME, "unnamed", String.class);
        exchange.setProperty(JobLifecycleRoutes.REQUEST_SOURCE, "file " + name);
        Long length = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > maxBytes) {
            message.setBody(tooLarge("is " + length + " bytes"));
            return;
        }
        byte[] document = readAtMostOnePastLimit(message);
        if (document.length > maxBytes) {
            message.setBody(tooLarge("is more than " + maxBytes + " bytes"));
            return;
        }
        IntakeResult result = intake.accept(document, RequestLayout.ofFileName(name), "file " + name);
        message.setBody(result);
        if (result.outcome() != IntakeResult.Outcome.REJECTED) {
            CrashPoints.reach(CrashPoints.AFTER_REQUEST_ACCEPTED);
        }
    }

    private byte[] readAtMostOnePastLimit(Message message) throws IOException {
        try (InputStream body = message.getBody(InputStream.class)) {
            return body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        }
    }

    private IntakeResult tooLarge(String size) {
        return IntakeResult.rejected(List.of(new Violation("request", "the file " + size + "; at most " + maxBytes
                + " bytes are taken (" + MAX_FILE_BYTES_KEY + ")")));
    }
}
