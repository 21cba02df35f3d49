package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** An OSS-style refusal of a download link, rendered as OSS renders them: an {@code <Error>} XML document. */
record OssError(int httpStatus, String code, String message) {

    static final String CONTENT_TYPE = "application/xml";

    static OssError signatureDoesNotMatch() {
        return new OssError(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                        + "Check your key and signing method.");
    }

    static OssError expired() {
        return new OssError(403, "AccessDenied", "Request has expired.");
    }

    static OssError fetchLimitReached() {
        // the vendor documents the limit (3 a day), not the wording of the refusal
        return new OssError(403, "AccessDenied", "The download limit of this file for today has been reached.");
    }

    static OssError anonymous() {
        return new OssError(403, "AccessDenied", "Anonymous access is forbidden for this operation.");
    }

    static OssError unknownAccessKey() {
        return new OssError(403, "InvalidAccessKeyId",
                "The OSS Access Key Id you provided does not exist in our records.");
    }

    static OssError noSuchKey() {
        return new OssError(404, "NoSuchKey", "The specified key does not exist.");
    }

    static OssError methodNotAllowed() {
        return new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }

    static OssError internalError() {
        return new OssError(500, "InternalError", "We encountered an internal error. Please try again.");
    }

    static OssError serviceUnavailable() {
        return new OssError(503, "ServiceUnavailable", "Please reduce your request rate.");
    }

    void send(HttpExchange exchange, String requestId) throws IOException {
        HttpReplies.send(exchange, httpStatus, CONTENT_TYPE,
                document(requestId, String.valueOf(exchange.getRequestHeaders().getFirst("Host"))));
    }

    private byte[] document(String requestId, String hostId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n");
        field(xml, "Code", code);
        field(xml, "Message", message);
        field(xml, "RequestId", requestId);
        field(xml, "HostId", hostId);
        xml.append("</Error>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append('>');
        XmlWriter.escape(xml, value);
        xml.append("</").append(name).append(">\n");
    }
}
