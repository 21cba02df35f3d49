package io.iotjobbridge.http;

import java.nio.charset.StandardCharsets;

/** A buffered HTTP response: used for vendor API calls, whose bodies are small JSON documents. */
public record HttpReply(int status, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
