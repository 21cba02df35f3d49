package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/jobs against the whole bridge: the same documents, rules and messages as a drop file. */
class JobSubmitApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 4096;

    @TempDir
    static Path dataDir;

    private static RunningBridge bridge;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of("bridge.inbox.max-file-bytes", String.valueOf(MAX_BYTES)));
        api = new ApiClient(bridge.httpUrl(), null);
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void shouldAcceptAJsonRequestAndDeliverItsJob() throws Exception {
        ApiClient.Answer answer = api.submit("application/json", download("api-json-download"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("ACCEPTED");
        JsonNode job = single(answer.body().path("jobs"));
        assertThat(job.path("requestId").asText()).isEqualTo("api-json-download");
        assertThat(job.path("vendor").asText()).isEqualTo("aliyun");
        assertThat(job.path("operation").asText()).isEqualTo("CreateDownloadDataJob");
        assertThat(job.path("state").asText()).isEqualTo("RECEIVED");
        assertThat(job.path("createdAt").asText()).endsWith("Z");
        assertThat(job.path("vendorJobId").isNull()).isTrue();
        await().atMost(WAIT).until(() -> bridge.job("api-json-download").state() == JobState.DELIVERED);
        JobRecord delivered = bridge.job("api-json-download");
        assertThat(delivered.id()).isEqualTo(job.path("id").asText());
        assertThat(bridge.ledger().files(delivered.id())).isNotEmpty();
    }

    @Test
    void shouldAcceptAYamlRequest() throws Exception {
        String yaml = """
                id: api-yaml-list
                vendor: huawei
                account: default
                operation: ListBatchTasks
                params:
                  task_type: firmwareUpgrade
                  limit: 50
                """;

        ApiClient.Answer answer = api.submit("application/yaml; charset=utf-8", yaml);

        assertThat(answer.status()).isEqualTo(202);
        JsonNode job = single(answer.body().path("jobs"));
        assertThat(job.path("requestId").asText()).isEqualTo("api-yaml-list");
        assertThat(job.path("vendor").asText()).isEqualTo("huawei");
        assertThat(bridge.job("api-yaml-list").operation()).isEqualTo("ListBatchTasks");
    }

    @Test
    void shouldAcceptAJsonLinesBatchAsOneJobPerLine() throws Exception {
        String batch = listBatchTasks("api-lines-1", "firmwareUpgrade") + "\n\n"
                + listBatchTasks("api-lines-2", "softwareUpgrade") + "\n";

        ApiClient.Answer answer = api.submit("application/x-ndjson", batch);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.body().path("jobs").findValuesAsText("requestId"))
                .containsExactly("api-lines-1", "api-lines-2");
        assertThat(bridge.job("api-lines-2").requestJson()).contains("softwareUpgrade");
    }

    @Test
    void shouldAnswerARepeatedRequestAsADuplicateOfTheSameJob() throws Exception {
        String document = listBatchTasks("api-twice", "firmwareUpgrade");
        ApiClient.Answer first = api.submit("application/json", document);

        ApiClient.Answer second = api.submit("application/json", document);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(single(second.body().path("jobs")).path("id").asText())
                .isEqualTo(single(first.body().path("jobs")).path("id").asText());
    }

    @Test
    void shouldRejectAnInvalidDocumentWithTheSameMessagesAsADropFile() throws Exception {
        String invalid = Files.readString(Path.of("samples/requests/invalid-range-too-long.json"));
        String invalidBatch = listBatchTasks("api-bad-batch-1", "firmwareUpgrade") + "\n"
                + download("api-bad-batch-2").replace("\"TABLE\"", "\"ROWS\"").replace('\n', ' ') + "\n";

        ApiClient.Answer answer = api.submit("application/json", invalid);
        ApiClient.Answer batchAnswer = api.submit("application/x-ndjson", invalidBatch);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid request");
        assertThat(answer.violations()).isNotEmpty().isEqualTo(dropRejection("invalid.json", invalid));
        assertThat(batchAnswer.status()).isEqualTo(422);
        assertThat(batchAnswer.violations()).anySatisfy(v -> assertThat(v).startsWith("line 2: params."))
                .isEqualTo(dropRejection("invalid-batch.jsonl", invalidBatch));
        assertThat(bridge.ledger().findByRequestId("api-bad-batch-1")).as("a batch is all or nothing").isEmpty();
    }

    @Test
    void shouldRefuseADocumentOfAnUnsupportedContentType() throws Exception {
        String document = listBatchTasks("api-plain-text", "firmwareUpgrade");

        ApiClient.Answer plain = api.submit("text/plain", document);
        ApiClient.Answer none = api.submit(null, document);

        for (ApiClient.Answer answer : List.of(plain, none)) {
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.body().path("violations").get(0).path("field").asText()).isEqualTo("Content-Type");
        }
        assertThat(bridge.ledger().findByRequestId("api-plain-text")).isEmpty();
    }

    @Test
    void shouldRefuseADocumentOverTheSizeLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String padding = " ".repeat(MAX_BYTES);
        String document = listBatchTasks("api-too-large", "firmwareUpgrade") + padding;

        ApiClient.Answer declared = api.submit("application/json", document);
        ApiClient.Answer chunked = api.submitChunked("application/json", document.getBytes(StandardCharsets.UTF_8));

        for (ApiClient.Answer answer : List.of(declared, chunked)) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.violations()).singleElement().asString()
                    .contains("at most " + MAX_BYTES + " bytes", "bridge.inbox.max-file-bytes");
        }
        assertThat(declared.violations()).as("refused on its declared length alone")
                .containsExactly("request: is " + document.length() + " bytes; at most " + MAX_BYTES
                        + " bytes are taken (bridge.inbox.max-file-bytes)");
        assertThat(chunked.violations().get(0)).startsWith("request: is more than " + MAX_BYTES + " bytes");
        assertThat(bridge.ledger().findByRequestId("api-too-large")).isEmpty();
        assertThat(api.submit("application/json", listBatchTasks("api-just-fits", "firmwareUpgrade")
                + " ".repeat(MAX_BYTES - listBatchTasks("api-just-fits", "firmwareUpgrade").length())).status())
                .as("a document of exactly the limit is taken").isEqualTo(202);
    }

    /** The field and rule pairs the file drop gives for the same document, from its error report. */
    private static List<String> dropRejection(String fileName, String document) throws Exception {
        bridge.drop(fileName, document);
        Path report = bridge.inbox().resolve(".error").resolve(fileName + ".error.json");
        await().atMost(WAIT).until(() -> Files.exists(report));
        List<String> lines = new ArrayList<>();
        JSON.readTree(report.toFile()).path("errors")
                .forEach(e -> lines.add(e.path("field").asText() + ": " + e.path("rule").asText()));
        return lines;
    }

    private static JsonNode single(JsonNode jobs) {
        assertThat(jobs.size()).isEqualTo(1);
        return jobs.get(0);
    }

    private static String download(String id) {
        return """
                {"id": "%s", "vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"IotInstanceId": "iot-cn-npk1u******", "TableName": "product_info",
                            "DownloadDataType": "TABLE", "StartTime": 1658332800000, "EndTime": 1658406464534}}
                """.formatted(id);
    }

    private static String listBatchTasks(String id, String taskType) {
        return ("{\"id\": \"%s\", \"vendor\": \"huawei\", \"account\": \"default\", \"operation\": \"ListBatchTasks\","
                + " \"params\": {\"task_type\": \"%s\", \"limit\": 50}}").formatted(id, taskType);
    }
}
