package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting a document into its requests: single objects, JSON arrays, YAML sequences and JSON Lines. */
class RequestBatchTest {

    private final RequestParser parser = new RequestParser(RequestParser.DEFAULT_MAX_CODE_POINTS, 3);

    private static String item(String id) {
        return "{\"id\": \"" + id + "\", \"vendor\": \"huawei\", \"account\": \"default\","
                + " \"operation\": \"ListBatchTasks\", \"params\": {\"task_type\": \"firmwareUpgrade\"}}";
    }

    private static String itemWithoutId(String taskType) {
        return "{\"vendor\": \"huawei\", \"account\": \"default\", \"operation\": \"ListBatchTasks\","
                + " \"params\": {\"task_type\": \"" + taskType + "\"}}";
    }

    private RequestBatch parseAll(String document, RequestLayout layout) {
        return parser.parseAll(document.getBytes(StandardCharsets.UTF_8), layout);
    }

    /** Every item's request, or the located violations of those that have none, as "field: rule" lines. */
    private static List<String> outcome(RequestBatch batch) {
        List<String> lines = new ArrayList<>();
        for (RequestBatch.Item item : batch.items()) {
            try {
                lines.add(item.request().id());
            } catch (RequestRejectedException e) {
                e.violations().stream().map(item.position()::locate).map(Violation::toString).forEach(lines::add);
            }
        }
        return lines;
    }

    @Test
    void shouldReadASingleRequestObjectAsOneItemWithItsFieldNamesUnchanged() {
        RequestBatch batch = parseAll("{\"vendor\": \"huawei\", \"account\": \"default\", \"params\": {}}",
                RequestLayout.DOCUMENT);

        assertThat(outcome(batch)).containsExactly("operation: is required");
    }

    @Test
    void shouldGiveASingleRequestWithoutIdTheSameIdAsParseDoes() {
        String document = itemWithoutId("firmwareUpgrade");

        RequestBatch batch = parseAll(document, RequestLayout.DOCUMENT);

        assertThat(batch.items()).singleElement().satisfies(item -> assertThat(item.request().id())
                .isEqualTo(parser.parse(document.getBytes(StandardCharsets.UTF_8)).id()));
    }

    @Test
    void shouldSplitAJsonArrayIntoItsRequestsInOrder() {
        RequestBatch batch = parseAll("[" + item("a") + ",\n" + item("b") + "]", RequestLayout.DOCUMENT);

        assertThat(outcome(batch)).containsExactly("a", "b");
    }

    @Test
    void shouldSplitAYamlSequenceIntoItsRequests() {
        RequestBatch batch = parseAll("""
                - {id: a, vendor: huawei, account: default, operation: ListBatchTasks, params: {task_type: x}}
                - id: b
                  vendor: huawei
                  account: default
                  operation: ListBatchTasks
                  params: {task_type: y}
                """, RequestLayout.DOCUMENT);

        assertThat(outcome(batch)).containsExactly("a", "b");
    }

    @Test
    void shouldSplitJsonLinesSkippingBlankLines() {
        RequestBatch batch = parseAll(item("a") + "\n\n" + item("b") + "\r\n   \n" + item("c") + "\n",
                RequestLayout.JSON_LINES);

        assertThat(outcome(batch)).containsExactly("a", "b", "c");
    }

    @Test
    void shouldNameTheArrayElementInEveryViolationOfABadItem() {
        RequestBatch batch = parseAll("[" + item("a") + ", {\"vendor\": \"huawei\", \"account\": \"default\","
                + " \"operation\": \"ListBatchTasks\", \"params\": {}, \"colour\": 1}, 42]", RequestLayout.DOCUMENT);

        assertThat(outcome(batch)).containsExactly("a",
                "[1].colour: unknown field; allowed here: id, vendor, account, operation, params, destination, options",
                "[2]: must be a mapping of field names to values; was an integer");
    }

    @Test
    void shouldNameTheLineInEveryViolationOfABadJsonLine() {
        RequestBatch batch = parseAll(item("a") + "\n\n{\"vendor\": \"huawei\"\n" + item("b"),
                RequestLayout.JSON_LINES);

        assertThat(outcome(batch)).hasSize(3).startsWith("a").endsWith("b");
        assertThat(outcome(batch).get(1)).startsWith("line 3: JSON syntax error");
    }

    @Test
    void shouldDeriveAMissingIdFromTheItemItselfWhereverItStands() {
        String first = itemWithoutId("firmwareUpgrade");
        String second = itemWithoutId("softwareUpgrade");

        List<String> inArray = outcome(parseAll("[" + first + ", " + second + "]", RequestLayout.DOCUMENT));
        List<String> reordered = outcome(parseAll("[" + item("z") + ", " + second + ", " + first + "]",
                RequestLayout.DOCUMENT));
        List<String> asLines = outcome(parseAll(first + "\n" + second, RequestLayout.JSON_LINES));

        assertThat(inArray).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("req-"));
        assertThat(reordered).containsExactly("z", inArray.get(1), inArray.get(0));
        assertThat(asLines).isEqualTo(inArray);
    }

    @Test
    void shouldRejectABatchOfMoreItemsThanAllowedNamingTheSetting() {
        String four = String.join("\n", item("a"), item("b"), item("c"), item("d"));

        assertThat(violationsOf(() -> parseAll(four, RequestLayout.JSON_LINES))).containsExactly(
                "request: the batch holds 4 requests; at most 3 are taken from one file"
                        + " (bridge.inbox.max-batch-items): split it into several files");
        assertThat(violationsOf(() -> parseAll("[" + four.replace("\n", ",") + "]", RequestLayout.DOCUMENT)))
                .singleElement().asString().contains("holds 4 requests; at most 3");
    }

    @Test
    void shouldRejectAnEmptyBatch() {
        assertThat(violationsOf(() -> parseAll("  [ ]  ", RequestLayout.DOCUMENT)))
                .containsExactly("request: the batch holds no requests");
        assertThat(violationsOf(() -> parseAll("\n  \n", RequestLayout.JSON_LINES)))
                .containsExactly("request: the document is empty");
    }

    @Test
    void shouldTellJsonLinesFilesByTheirExtension() {
        assertThat(RequestLayout.ofFileName("batch.jsonl")).isEqualTo(RequestLayout.JSON_LINES);
        assertThat(RequestLayout.ofFileName("BATCH.NDJSON")).isEqualTo(RequestLayout.JSON_LINES);
        assertThat(RequestLayout.ofFileName("batch.json")).isEqualTo(RequestLayout.DOCUMENT);
        assertThat(RequestLayout.ofFileName("request.yaml")).isEqualTo(RequestLayout.DOCUMENT);
    }
}
