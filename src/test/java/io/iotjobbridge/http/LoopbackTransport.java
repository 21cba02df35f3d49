package io.iotjobbridge.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Sends every call to one local server (the sandbox) while the {@code Host} header still names the call's own origin,
 * as if DNS pointed that name at the loopback address: lets a test use an endpoint such as
 * {@code iotda.cn-north-4.myhuaweicloud.com}, which the client signs differently from a loopback one.
 */
public final class LoopbackTransport implements HttpTransport, AutoCloseable {

    private final HttpHost target;
    private final CloseableHttpClient client = HttpClients.custom().disableRedirectHandling()
            .disableAutomaticRetries().build();

    public LoopbackTransport(URI server) {
        this.target = new HttpHost(server.getScheme(), server.getHost(), server.getPort());
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        StreamedReply reply = open(call);
        try (InputStream body = reply.body()) {
            return new HttpReply(reply.status(), body.readAllBytes(), reply.headers());
        }
    }

    @Override
    public StreamedReply open(HttpCall call) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(call.method()).setHttpHost(target)
                .setPath(call.rawPath() + (call.rawQuery() == null || call.rawQuery().isEmpty() ? ""
                        : "?" + call.rawQuery()));
        request.setHeader("Host", Origins.authority(call.origin()));
        call.headers().forEach(request::setHeader);
        if (call.body().length > 0) {
            String type = call.headers().getOrDefault("Content-Type", "application/octet-stream");
            request.setEntity(new ByteArrayEntity(call.body(), ContentType.parse(type)));
        }
        ClassicHttpResponse response = client.executeOpen(target, request.build(), null);
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        InputStream body = response.getEntity() == null ? InputStream.nullInputStream()
                : response.getEntity().getContent();
        long length = response.getEntity() == null ? 0 : response.getEntity().getContentLength();
        return new StreamedReply(response.getCode(), length, new InputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return body.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                response.close();
            }
        }, headers);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
