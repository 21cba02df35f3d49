package io.iotjobbridge.sandbox.huawei;

import static io.iotjobbridge.sandbox.huawei.RequestBodies.with;
import static io.iotjobbridge.sandbox.huawei.RequestBodies.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.sandbox.huawei.IotdaTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CreateExportTask, ListExportTasks and the file download: validation, status over time, every documented limit
 * (5 unfinished, 50 kept, overwrite, one download per 30 s) and the ZIP's spreadsheet.
 */
class ExportTaskApiTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet";

    private final MutableClock clock = new MutableClock(START);
    private VendorSandbox sandbox;
    private IotdaTestClient client;

    @BeforeEach
    void startSandbox() {
        start(huawei());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** Exports take 3 s, batch tasks 10 s. */
    private static HuaweiSandboxSettings huawei() {
        return SandboxSettings.defaults().huawei().withBatchRunningFor(Duration.ofSeconds(10));
    }

    private void start(HuaweiSandboxSettings huawei) {
        if (sandbox != null) {
            sandbox.close();
        }
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential("export-ak", Secret.of("export-sk"))
                .withHuawei(huawei), clock);
        client = new IotdaTestClient(sandbox.baseUrl(), "export-ak", Secret.of("export-sk"), "project-1", clock);
    }

    @Test
    void shouldRunAnExportFromProcessingToSuccess() {
        String batchId = seededFirmwareUpgrade(5);
        int devices = client.get("batchtasks/" + batchId, Map.of()).json()
                .path("batchtask").path("task_progress").path("total").asInt();

        Answer created = client.post("export-tasks", Map.of("resource_type", "BatchTask",
                "resource_condition", Map.of("task_id", batchId), "export_format", "xls", "app_type", "APP",
                "app_id", "space_1"));
        clock.advance(Duration.ofMillis(1_500));
        JsonNode halfway = onlyExport();
        clock.advance(Duration.ofMillis(1_500));
        JsonNode done = onlyExport();

        JsonNode task = created.json();
        assertThat(created.status()).isEqualTo(201);
        assertThat(task.path("export_task_id").asText()).matches("[0-9a-f]{24}");
        assertThat(task.path("resource_type").asText()).isEqualTo("BatchTask");
        assertThat(task.path("resource_condition").path("task_id").asText()).isEqualTo(batchId);
        assertThat(task.path("export_format").asText()).isEqualTo("xls");
        assertThat(task.path("status").asText()).isEqualTo("Processing");
        assertThat(task.path("progress").asInt()).isEqualTo(1);
        assertThat(task.path("export_count").asLong()).isZero();
        assertThat(task.path("create_time").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(task.has("end_time")).isFalse();
        assertThat(task.path("app_type").asText()).isEqualTo("APP");
        assertThat(task.path("app_id").asText()).isEqualTo("space_1");
        assertThat(halfway.path("status").asText()).isEqualTo("Processing");
        assertThat(halfway.path("progress").asInt()).isEqualTo(50);
        assertThat(halfway.path("export_count").asLong()).isEqualTo(devices / 2);
        assertThat(done.path("status").asText()).isEqualTo("Success");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("export_count").asLong()).isEqualTo(devices);
        assertThat(done.path("end_time").asText()).isEqualTo("2025-03-01T08:00:03.000Z");
    }

    @Test
    void shouldAcceptTheConditionAsAJsonStringLikeTheSdkSample() {
        String batchId = seededFirmwareUpgrade(0);

        Answer created = client.post("export-tasks", Map.of("resource_type", "BatchTask",
                "resource_condition", "{\"task_id\":\"" + batchId + "\"}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("resource_condition").path("task_id").asText()).isEqualTo(batchId);
        assertThat(created.json().path("app_type").asText()).isEqualTo("GLOBAL");
    }

    static Stream<Arguments> invalidBodies() {
        Map<String, Object> valid = Map.of("resource_type", "BatchTask",
                "resource_condition", Map.of("task_id", "0123456789abcdef01234567"));
        return Stream.of(
                Arguments.of(without(valid, "resource_type"), "'resource_type' is required"),
                Arguments.of(with(valid, "resource_type", "Device"), "'resource_type' must be one of: BatchTask"),
                Arguments.of(without(valid, "resource_condition"), "'resource_condition' is required"),
                Arguments.of(with(valid, "resource_condition", "task 1"), "'resource_condition' must be a JSON"),
                Arguments.of(with(valid, "resource_condition", Map.of()), "'task_id' is required"),
                Arguments.of(with(valid, "resource_condition", Map.of("task_id", "XYZ")),
                        "'resource_condition.task_id' must be at most 24 characters of a-f and 0-9"),
                Arguments.of(with(valid, "export_format", "csv"), "'export_format' must be one of: xls"),
                Arguments.of(with(valid, "app_type", "ALL"), "'app_type' must be one of: GLOBAL, APP"),
                Arguments.of(with(valid, "app_id", "a".repeat(37)), "'app_id' must be at most 36"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void shouldRefuseInvalidBodiesNamingTheField(Map<String, Object> body, String why) {
        Answer answer = client.post("export-tasks", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IOTDA.000006");
        assertThat(answer.message()).contains(why);
    }

    @Test
    void shouldRefuseAnExportOfAnUnknownBatchTask() {
        Answer answer = client.createExportTask("0123456789abcdef01234567");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("IOTDA.016001");
        assertThat(sandbox.stats().rejectionsOf("IOTDA.016001")).isEqualTo(1);
    }

    @Test
    void shouldFailExportsOfTheConfiguredBatchTasks() {
        // seeded ids are the same in every sandbox for the same scope, so a configuration can name them
        String failing = seededFirmwareUpgrade(7);
        start(huawei().withFailingBatchTasks(Set.of(failing)));

        String exportId = client.createExportTask(failing).json().path("export_task_id").asText();
        String fineId = client.createExportTask(seededFirmwareUpgrade(8)).json().path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(3));
        Map<String, JsonNode> byId = exportsById();
        Answer file = client.downloadExport(exportId);

        assertThat(byId.get(exportId).path("status").asText()).isEqualTo("Failed");
        assertThat(byId.get(exportId).path("export_count").asLong()).isZero();
        assertThat(byId.get(exportId).path("progress").asInt()).isEqualTo(100);
        assertThat(byId.get(fineId).path("status").asText()).isEqualTo("Success");
        assertThat(file.status()).isEqualTo(404);
        assertThat(file.message()).contains("status: Failed");
    }

    @Test
    void shouldAllowFiveUnfinishedExportsAtOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.createExportTask(seededFirmwareUpgrade(i)).status()).isEqualTo(201);
        }

        Answer sixth = client.createExportTask(seededFirmwareUpgrade(5));
        Answer redoOfAnUnfinished = client.createExportTask(seededFirmwareUpgrade(0));
        clock.advance(Duration.ofSeconds(3));
        Answer afterTheyFinish = client.createExportTask(seededFirmwareUpgrade(5));

        assertThat(sixth.status()).isEqualTo(400);
        assertThat(sixth.code()).isEqualTo("IOTDA.016003");
        assertThat(sixth.message()).contains("upper limit 5");
        assertThat(redoOfAnUnfinished.status()).isEqualTo(201);
        assertThat(afterTheyFinish.status()).isEqualTo(201);
    }

    @Test
    void shouldKeepFiftyExportsAndDeleteTheOldest() {
        start(huawei().withExportRunningFor(Duration.ZERO));
        List<String> batchIds = client.allTaskIds("firmwareUpgrade");
        List<String> exportIds = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            exportIds.add(client.createExportTask(batchIds.get(i)).json().path("export_task_id").asText());
            // stay under the gateway's 50 calls per second
            clock.advance(Duration.ofMillis(100));
        }

        JsonNode first = client.listExportTasks(Map.of("limit", "50")).json();
        JsonNode beyond = client.listExportTasks(Map.of("limit", "50", "offset", "50")).json();
        Answer evictedFile = client.downloadExport(exportIds.get(0));
        Answer keptFile = client.downloadExport(exportIds.get(1));

        assertThat(first.path("page").path("count").asLong()).isEqualTo(50);
        assertThat(exportIdsOf(first)).hasSize(50).doesNotContain(exportIds.get(0))
                .startsWith(exportIds.get(50), exportIds.get(49)).endsWith(exportIds.get(1));
        assertThat(beyond.path("export_tasks")).isEmpty();
        assertThat(evictedFile.status()).isEqualTo(404);
        assertThat(evictedFile.code()).isEqualTo("IOTDA.016002");
        assertThat(keptFile.status()).isEqualTo(200);
    }

    @Test
    void shouldReplaceAnEarlierExportOfTheSameBatchTask() {
        start(huawei().withExportRunningFor(Duration.ZERO));
        String batchId = seededFirmwareUpgrade(2);
        String earlier = client.createExportTask(batchId).json().path("export_task_id").asText();
        String other = client.createExportTask(seededFirmwareUpgrade(3)).json().path("export_task_id").asText();

        String later = client.createExportTask(batchId).json().path("export_task_id").asText();
        JsonNode list = client.listExportTasks(Map.of()).json();

        assertThat(exportIdsOf(list)).containsExactly(later, other);
        assertThat(list.path("page").path("count").asLong()).isEqualTo(2);
        assertThat(client.downloadExport(earlier).code()).isEqualTo("IOTDA.016002");
    }

    @Test
    void shouldPageExportsNewestFirst() {
        start(huawei().withExportRunningFor(Duration.ZERO));
        List<String> batchIds = client.allTaskIds("firmwareUpgrade");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(0, client.createExportTask(batchIds.get(i)).json().path("export_task_id").asText());
        }

        JsonNode first = client.listExportTasks(Map.of()).json();
        JsonNode byMarker = client.listExportTasks(Map.of("marker", first.path("page").path("marker").asText()))
                .json();
        JsonNode byOffset = client.listExportTasks(Map.of("limit", "3", "offset", "4")).json();
        Answer badLimit = client.listExportTasks(Map.of("limit", "51"));
        Answer badMarker = client.listExportTasks(Map.of("marker", "xyz"));

        assertThat(exportIdsOf(first)).isEqualTo(created.subList(0, 10));
        assertThat(first.path("page").path("count").asLong()).isEqualTo(12);
        assertThat(first.path("page").path("marker").asText()).isEqualTo(created.get(9));
        assertThat(exportIdsOf(byMarker)).isEqualTo(created.subList(10, 12));
        assertThat(exportIdsOf(byOffset)).isEqualTo(created.subList(4, 7));
        assertThat(badLimit.code()).isEqualTo("IOTDA.000006");
        assertThat(badLimit.message()).contains("'limit'");
        assertThat(badMarker.message()).contains("'marker'");
    }

    @Test
    void shouldServeOneDownloadPerThirtySecondsPerUser() {
        start(huawei().withExportRunningFor(Duration.ZERO));
        String first = client.createExportTask(seededFirmwareUpgrade(0)).json().path("export_task_id").asText();
        String second = client.createExportTask(seededFirmwareUpgrade(1)).json().path("export_task_id").asText();
        IotdaTestClient otherProject = client.withProjectId("project-2");
        String elsewhere = otherProject.createExportTask(otherProject.allTaskIds("createDevices").get(0)).json()
                .path("export_task_id").asText();

        Answer refusedUnknown = client.downloadExport("0123456789abcdef01234567");
        Answer served = client.downloadExport(first);
        Answer tooSoon = client.downloadExport(second);
        Answer otherUser = otherProject.downloadExport(elsewhere);
        clock.advance(Duration.ofMillis(29_999));
        Answer stillTooSoon = client.downloadExport(first);
        clock.advance(Duration.ofMillis(1));
        Answer afterInterval = client.downloadExport(second);

        assertThat(refusedUnknown.status()).isEqualTo(404);
        assertThat(served.status()).isEqualTo(200);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("IOTDA.021101");
        assertThat(tooSoon.message()).contains("retry in 30 s");
        assertThat(otherUser.status()).isEqualTo(200);
        assertThat(stillTooSoon.status()).isEqualTo(429);
        assertThat(stillTooSoon.message()).contains("retry in 1 s");
        assertThat(afterInterval.status()).isEqualTo(200);
        assertThat(sandbox.stats().callsOf("ShowExportTask")).isEqualTo(6);
        assertThat(sandbox.stats().rejectionsOf("IOTDA.021101")).isEqualTo(2);
    }

    @Test
    void shouldNotServeAFileBeforeTheExportSucceeds() {
        String exportId = client.createExportTask(seededFirmwareUpgrade(0)).json().path("export_task_id").asText();

        Answer early = client.downloadExport(exportId);
        clock.advance(Duration.ofSeconds(3));
        Answer ready = client.downloadExport(exportId);

        assertThat(early.status()).isEqualTo(404);
        assertThat(early.code()).isEqualTo("IOTDA.016002");
        assertThat(early.message()).contains("status: Processing");
        // the refusal did not use up the download slot
        assertThat(ready.status()).isEqualTo(200);
    }

    @Test
    void shouldZipOneSpreadsheetWithARowPerDevice() throws Exception {
        List<String> targets = new ArrayList<>(IntStream.rangeClosed(1, 199).mapToObj(i -> "meter-" + i).toList());
        targets.add("meter-<&>\"'");
        String batchId = client.createBatchTask("read-meters", "createCommands", targets).json()
                .path("task_id").asText();
        clock.advance(Duration.ofSeconds(10));
        JsonNode batch = client.get("batchtasks/" + batchId, Map.of()).json().path("batchtask");
        String exportId = client.createExportTask(batchId).json().path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(3));

        Answer file = client.downloadExport(exportId);
        Spreadsheet sheet = Spreadsheet.unzip(file.bytes());

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"export_" + exportId
                + ".zip\"");
        assertThat(sheet.entryNames()).containsExactly(batchId + "_" + batch.path("status").asText() + ".xls");
        assertThat(batch.path("status").asText()).isEqualTo("PartialSuccess");
        assertThat(sheet.rows()).hasSize(201);
        assertThat(sheet.rows().get(0)).containsExactly("Target", "Status", "Output", "Error Code", "Error Message");
        assertThat(sheet.rows().subList(1, 201)).extracting(row -> row.get(0)).isEqualTo(targets);
        List<List<String>> failed = sheet.rows().stream().filter(row -> "Fail".equals(row.get(1))).toList();
        assertThat(failed).hasSize(batch.path("task_progress").path("fail").asInt())
                .allSatisfy(row -> assertThat(row.get(3)).isEqualTo("IOTDA.014016"));
        assertThat(sheet.rows().subList(1, 201)).filteredOn(row -> "Success".equals(row.get(1)))
                .allSatisfy(row -> assertThat(row.get(2)).isNotEmpty());
    }

    @Test
    void shouldExportTheBatchTaskAsItStoodWhenTheExportEnded() throws Exception {
        List<String> targets = IntStream.rangeClosed(1, 100).mapToObj(i -> "lamp-" + i).toList();
        String batchId = client.createBatchTask("switch-lamps", "createCommands", targets).json()
                .path("task_id").asText();
        // the export ends 3 s in, while the 10 s batch task is still processing; the file is not refreshed later
        String exportId = client.createExportTask(batchId).json().path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(20));

        Spreadsheet sheet = Spreadsheet.unzip(client.downloadExport(exportId).bytes());

        assertThat(sheet.entryNames()).containsExactly(batchId + "_Processing.xls");
        assertThat(sheet.rows()).hasSize(101);
        assertThat(sheet.rows().subList(1, 101)).extracting(row -> row.get(1))
                .contains("Processing", "Waitting").containsAnyOf("Success", "Fail");
    }

    @Test
    void shouldStreamExportsOfThousandsOfDevices() throws Exception {
        JsonNode largest = null;
        for (String type : List.of("firmwareUpgrade", "softwareUpgrade", "createCommands", "createMessages")) {
            for (JsonNode task : client.listBatchTasks(type, Map.of("limit", "50")).json().path("batchtasks")) {
                if (largest == null || task.path("task_progress").path("total").asInt()
                        > largest.path("task_progress").path("total").asInt()) {
                    largest = task;
                }
            }
        }
        int devices = largest.path("task_progress").path("total").asInt();
        String exportId = client.createExportTask(largest.path("task_id").asText()).json()
                .path("export_task_id").asText();
        clock.advance(Duration.ofSeconds(3));

        Spreadsheet sheet = Spreadsheet.unzip(client.downloadExport(exportId).bytes());

        assertThat(devices).isGreaterThan(1_000);
        assertThat(sheet.rows()).hasSize(devices + 1);
    }

    private String seededFirmwareUpgrade(int index) {
        return client.allTaskIds("firmwareUpgrade").get(index);
    }

    private JsonNode onlyExport() {
        JsonNode tasks = client.listExportTasks(Map.of()).json().path("export_tasks");
        assertThat(tasks).hasSize(1);
        return tasks.path(0);
    }

    private Map<String, JsonNode> exportsById() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        client.listExportTasks(Map.of("limit", "50")).json().path("export_tasks")
                .forEach(t -> byId.put(t.path("export_task_id").asText(), t));
        return byId;
    }

    private static List<String> exportIdsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("export_tasks").forEach(t -> ids.add(t.path("export_task_id").asText()));
        return ids;
    }

    /** The entries of an export ZIP, and the rows of its spreadsheet read back with a namespace-aware parser. */
    private record Spreadsheet(List<String> entryNames, List<List<String>> rows) {

        static Spreadsheet unzip(byte[] zipBytes) throws Exception {
            List<String> names = new ArrayList<>();
            byte[] xml = null;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    names.add(entry.getName());
                    xml = zip.readAllBytes();
                }
            }
            return new Spreadsheet(names, rowsOf(xml));
        }

        private static List<List<String>> rowsOf(byte[] xml) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document;
            try {
                document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Workbook");
            assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SPREADSHEET_NS);
            assertThat(document.getElementsByTagNameNS(SPREADSHEET_NS, "Worksheet").getLength()).isEqualTo(1);
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = document.getElementsByTagNameNS(SPREADSHEET_NS, "Row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                NodeList data = ((Element) rowNodes.item(r)).getElementsByTagNameNS(SPREADSHEET_NS, "Data");
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < data.getLength(); c++) {
                    assertThat(((Element) data.item(c)).getAttributeNS(SPREADSHEET_NS, "Type")).isEqualTo("String");
                    cells.add(data.item(c).getTextContent());
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
