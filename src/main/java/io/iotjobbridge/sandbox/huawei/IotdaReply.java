package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.io.OutputStream;

import io.iotjobbridge.sandbox.fault.FaultKind;

/** What an operation answers: a JSON document, or a file streamed as it is produced. */
sealed interface IotdaReply {

    /** @param body plain maps, lists and scalars */
    record Json(int status, Object body) implements IotdaReply {
    }

    /** @param content writes the file; it must not close the stream */
    record File(String fileName, String contentType, Content content) implements IotdaReply {
    }

    /** The real reply spoilt by an injected fault: malformed, truncated, or not sent at all (reset). */
    record Faulted(FaultKind fault, IotdaReply real) implements IotdaReply {
    }

    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
