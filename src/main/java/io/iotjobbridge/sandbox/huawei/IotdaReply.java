package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.io.OutputStream;

/** What an operation answers: a JSON document, or a file streamed as it is produced. */
sealed interface IotdaReply {

    /** @param body plain maps, lists and scalars */
    record Json(int status, Object body) implements IotdaReply {
    }

    /** @param content writes the file; it must not close the stream */
    record File(String fileName, String contentType, Content content) implements IotdaReply {
    }

    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
