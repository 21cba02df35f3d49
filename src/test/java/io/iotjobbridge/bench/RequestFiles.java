package io.iotjobbridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request documents for a scenario, each one of the samples in {@code samples/requests/} with its own request id and
 * whatever else must differ between the copies; everything else stays as a user would write it.
 */
final class RequestFiles {

    static final Path SAMPLES = Path.of("samples", "requests");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document to drop: its file name and text. */
    record Request(String id, String fileName, String json) {
    }

    private RequestFiles() {
    }

    /**
     * {@code count} copies of {@code sample}, with ids {@code bench-<scenario>-<n>}; {@code vary} gets the n-th
     * copy (from 1) to make it distinct.
     */
    static List<Request> copies(String sample, String scenario, int count, BiConsumer<Integer, ObjectNode> vary)
            throws IOException {
        ObjectNode template = read(sample);
        List<Request> requests = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ObjectNode copy = template.deepCopy();
            String id = String.format("bench-%s-%03d", scenario, n);
            copy.put("id", id);
            vary.accept(n, copy);
            requests.add(new Request(id, id + ".json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy)));
        }
        return requests;
    }

    static ObjectNode read(String sample) throws IOException {
        Path file = SAMPLES.resolve(sample);
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read sample " + file.toAbsolutePath()
                    + " (run the benchmark from the project folder)", e);
        }
    }

    /** A JSON object the ledger keeps as text (a job's parameters). */
    static ObjectNode readTree(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }

    static List<String> ids(List<Request> requests) {
        return requests.stream().map(Request::id).toList();
    }
}
