package io.iotjobbridge.http;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes every call on and keeps it, so a test can look at exactly what was sent (and signed). */
public final class RecordingTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final List<HttpCall> calls = new CopyOnWriteArrayList<>();

    public RecordingTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        calls.add(call);
        return delegate.send(call);
    }

    @Override
    public StreamedReply open(HttpCall call) throws IOException {
        calls.add(call);
        return delegate.open(call);
    }

    public List<HttpCall> calls() {
        return List.copyOf(calls);
    }

    public HttpCall last() {
        return calls.get(calls.size() - 1);
    }
}
