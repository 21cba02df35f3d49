package io.iotjobbridge.http;

import java.io.InputStream;

/** A response whose body is read as it arrives, so a file of any size passes through constant memory. */
public record StreamedReply(int status, long contentLength, InputStream body) {
}
