package io.iotjobbridge.vendor.aliyun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.StreamedReply;

/**
 * Plays back vendor answers the sandbox never gives (a system error, a listing that disagrees with the statistics):
 * per action, a FIFO queue of scripted replies in the order they will be returned. Records every call it answers.
 */
final class ScriptedTransport implements HttpTransport {

    private final Map<String, Deque<HttpReply>> replies = new HashMap<>();
    private final List<HttpCall> calls = new ArrayList<>();

    ScriptedTransport then(String action, int status, String json) {
        replies.computeIfAbsent(action, a -> new ArrayDeque<>())
                .add(new HttpReply(status, json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    ScriptedTransport then(String action, String json) {
        return then(action, 200, json);
    }

    List<HttpCall> calls() {
        return calls;
    }

    @Override
    public synchronized HttpReply send(HttpCall call) {
        calls.add(call);
        String action = call.headers().get("x-acs-action");
        Deque<HttpReply> queue = replies.get(action);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("no scripted reply left for " + action);
        }
        return queue.poll();
    }

    @Override
    public StreamedReply open(HttpCall call) throws IOException {
        throw new IOException("no downloads are scripted");
    }
}
