package io.iotjobbridge.sandbox.huawei;

import static io.iotjobbridge.sandbox.huawei.RequestBodies.with;
import static io.iotjobbridge.sandbox.huawei.RequestBodies.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

/** ListBatchTasks, ShowBatchTask and CreateBatchTask: validation, paging, the seeded history, status over time. */
class BatchTaskApiTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final List<String> TYPES = List.of("firmwareUpgrade", "softwareUpgrade", "createDevices",
            "deleteDevices", "freezeDevices", "unfreezeDevices", "createCommands", "createAsyncCommands",
            "createMessages", "updateDeviceShadows");

    private final MutableClock clock = new MutableClock(START);
    private VendorSandbox sandbox;
    private IotdaTestClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = start(clock);
        client = clientOf(sandbox, clock);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private static VendorSandbox start(MutableClock clock) {
        return VendorSandbox.start(SandboxSettings.defaults().withCredential("batch-ak", Secret.of("batch-secret"))
                .withHuawei(SandboxSettings.defaults().huawei().withBatchRunningFor(Duration.ofSeconds(10))), clock);
    }

    private static IotdaTestClient clientOf(VendorSandbox sandbox, MutableClock clock) {
        return new IotdaTestClient(sandbox.baseUrl(), "batch-ak", Secret.of("batch-secret"), "project-1", clock);
    }

    static Stream<Arguments> invalidListQueries() {
        return Stream.of(
                Arguments.of(Map.of(), "'task_type' is required"),
                Arguments.of(Map.of("task_type", "rebootDevices"), "'task_type' must be one of"),
                Arguments.of(Map.of("status", "Done"), "'status' must be one of"),
                Arguments.of(Map.of("status", "Stopping"), "'status' must be one of"),
                Arguments.of(Map.of("limit", "0"), "'limit' must be an integer from 1 to 50"),
                Arguments.of(Map.of("limit", "51"), "'limit' must be an integer from 1 to 50"),
                Arguments.of(Map.of("limit", "ten"), "'limit' must be an integer from 1 to 50"),
                Arguments.of(Map.of("offset", "-1"), "'offset' must be an integer from 0 to 500"),
                Arguments.of(Map.of("offset", "501"), "'offset' must be an integer from 0 to 500"),
                Arguments.of(Map.of("marker", "ffff"), "'marker' must be a hexadecimal string of 24"),
                Arguments.of(Map.of("marker", "gggggggggggggggggggggggg"), "'marker' must be a hexadecimal"),
                Arguments.of(Map.of("app_id", "a".repeat(37)), "'app_id' must be at most 36 characters"),
                Arguments.of(Map.of("app_id", "space id"), "'app_id' must be at most 36 characters"));
    }

    @ParameterizedTest
    @MethodSource("invalidListQueries")
    void shouldRefuseInvalidListQueriesNamingTheField(Map<String, String> query, String why) {
        Map<String, String> full = new LinkedHashMap<>();
        if (!query.containsKey("task_type") && !query.isEmpty()) {
            full.put("task_type", "firmwareUpgrade");
        }
        full.putAll(query);

        Answer answer = client.get("batchtasks", full);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IOTDA.000006");
        assertThat(answer.message()).startsWith("Invalid input data. ").contains(why);
        assertThat(sandbox.stats().rejectionsOf("IOTDA.000006")).isEqualTo(1);
    }

    @Test
    void shouldAcceptTheBoundaryValues() {
        assertThat(client.listBatchTasks("firmwareUpgrade", Map.of("limit", "1", "offset", "500",
                "marker", "ffffffffffffffffffffffff", "app_id", "a".repeat(36))).status()).isEqualTo(200);
        assertThat(client.listBatchTasks("firmwareUpgrade", Map.of("limit", "50", "offset", "0")).status())
                .isEqualTo(200);
    }

    @Test
    void shouldSeedTheDocumentedTypesWithSixtyFirmwareUpgrades() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : TYPES) {
            counts.put(type, client.listBatchTasks(type, Map.of()).json().path("page").path("count").asLong());
        }

        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(120);
        assertThat(counts).containsEntry("firmwareUpgrade", 60L).containsEntry("softwareUpgrade", 12L)
                .containsEntry("createMessages", 6L).containsEntry("updateDeviceShadows", 6L);
    }

    @Test
    void shouldPageNewestFirstByOffsetAndMarker() {
        List<String> all = client.allTaskIds("firmwareUpgrade");
        JsonNode first = client.listBatchTasks("firmwareUpgrade", Map.of()).json();
        JsonNode third = client.listBatchTasks("firmwareUpgrade", Map.of("limit", "5", "offset", "10")).json();
        String marker = all.get(24);
        JsonNode belowMarker = client.listBatchTasks("firmwareUpgrade",
                Map.of("limit", "5", "marker", marker, "offset", "3")).json();

        assertThat(all).hasSize(60).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids(first)).isEqualTo(all.subList(0, 10));
        assertThat(first.path("page").path("count").asLong()).isEqualTo(60);
        assertThat(first.path("page").path("marker").asText()).isEqualTo(all.get(9));
        assertThat(ids(third)).isEqualTo(all.subList(10, 15));
        // below the marker (the 25th id), skipping 3: the 29th to the 33rd
        assertThat(ids(belowMarker)).isEqualTo(all.subList(28, 33));
        assertThat(belowMarker.path("page").path("count").asLong()).isEqualTo(60);
        assertThat(belowMarker.path("page").path("marker").asText()).isEqualTo(all.get(32));
    }

    @Test
    void shouldAnswerAnEmptyPageBeyondTheLastRecord() {
        JsonNode page = client.listBatchTasks("firmwareUpgrade", Map.of("offset", "60")).json();

        assertThat(page.path("batchtasks")).isEmpty();
        assertThat(page.path("page").path("count").asLong()).isEqualTo(60);
        assertThat(page.path("page").has("marker")).isFalse();
    }

    @Test
    void shouldSeedMostlyFinishedTasksOfUpToThousandsOfDevicesWithFailures() {
        List<JsonNode> tasks = new ArrayList<>();
        for (String type : TYPES) {
            for (String marker = "ffffffffffffffffffffffff"; marker != null; ) {
                JsonNode page = client.listBatchTasks(type, Map.of("limit", "50", "marker", marker)).json();
                page.path("batchtasks").forEach(tasks::add);
                marker = page.path("batchtasks").size() == 50 ? page.path("page").path("marker").asText() : null;
            }
        }
        tasks.sort(Comparator.comparing((JsonNode t) -> t.path("task_id").asText()).reversed());
        List<String> statuses = tasks.stream().map(t -> t.path("status").asText()).toList();

        assertThat(tasks).hasSize(120);
        // the newest three start with the sandbox, the rest ended before it started
        assertThat(statuses.subList(0, 3)).containsOnly("Initializing");
        assertThat(statuses.subList(3, 120)).containsOnly("Success", "PartialSuccess", "Fail")
                .contains("Success", "PartialSuccess", "Fail");
        assertThat(tasks.stream().mapToInt(t -> t.path("task_progress").path("total").asInt()).max().orElseThrow())
                .isGreaterThan(1_000);
        assertThat(tasks).allSatisfy(t -> {
            JsonNode p = t.path("task_progress");
            assertThat(p.path("success").asInt() + p.path("fail").asInt() + p.path("processing").asInt()
                    + p.path("waitting").asInt()).isEqualTo(p.path("total").asInt());
            assertThat(t.path("create_time").asText()).matches("\\d{8}T\\d{6}Z");
            assertThat(t.path("task_name").asText()).isNotBlank();
            assertThat(t.has("targets") || t.path("targets_filter").has("group_ids")).isTrue();
        });
        assertThat(tasks.get(0).path("create_time").asText()).isEqualTo("20250301T080000Z");
        assertThat(tasks.get(119).path("create_time").asText()).isLessThan("20250228T000000Z");
    }

    @Test
    void shouldSeedTheSameIdsForTheSameScopeInEverySandbox() {
        List<String> ids = client.allTaskIds("softwareUpgrade");
        MutableClock laterClock = new MutableClock(START.plus(Duration.ofDays(30)));
        List<String> again;
        List<String> otherProject;
        try (VendorSandbox other = start(laterClock)) {
            again = clientOf(other, laterClock).allTaskIds("softwareUpgrade");
            otherProject = clientOf(other, laterClock).withProjectId("project-2").allTaskIds("softwareUpgrade");
        }

        assertThat(again).isEqualTo(ids);
        assertThat(otherProject).hasSize(12).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void shouldFilterByStatusAndAppId() {
        client.post("batchtasks", Map.of("task_name", "space-a", "task_type", "createCommands",
                "app_id", "space-a", "targets", List.of("dev-1")));
        client.post("batchtasks", Map.of("task_name", "no-space", "task_type", "createCommands",
                "targets", List.of("dev-2")));

        JsonNode failed = client.listBatchTasks("firmwareUpgrade", Map.of("status", "Fail", "limit", "50")).json();
        JsonNode inSpace = client.listBatchTasks("createCommands", Map.of("app_id", "space-a")).json();

        assertThat(failed.path("batchtasks")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("Fail"));
        assertThat(failed.path("page").path("count").asLong()).isEqualTo(failed.path("batchtasks").size());
        assertThat(inSpace.path("batchtasks")).hasSize(1);
        assertThat(inSpace.path("batchtasks").path(0).path("task_name").asText()).isEqualTo("space-a");
    }

    @Test
    void shouldCreateATaskThatEchoesItsFieldsAndListsFirst() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_name", "upgrade-lamps");
        body.put("task_type", "firmwareUpgrade");
        body.put("task_mode", "GATEWAY");
        body.put("task_ext_info", Map.of("reason", "fix"));
        body.put("targets", List.of("lamp-1", "lamp-2"));
        body.put("document", Map.of("package_id", "32822e5744a45ede319d2c50"));
        body.put("task_policy", Map.of("schedule_time", "20250301T090000Z", "retry_count", 5,
                "retry_interval", 60));

        Answer created = client.post("batchtasks", body);
        JsonNode task = created.json();
        JsonNode newest = client.listBatchTasks("firmwareUpgrade", Map.of("limit", "1")).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(task.path("task_id").asText()).matches("[0-9a-f]{24}");
        assertThat(task.path("task_name").asText()).isEqualTo("upgrade-lamps");
        assertThat(task.path("task_mode").asText()).isEqualTo("GATEWAY");
        assertThat(task.path("task_ext_info").path("reason").asText()).isEqualTo("fix");
        assertThat(task.path("document").path("package_id").asText()).isEqualTo("32822e5744a45ede319d2c50");
        assertThat(task.path("task_policy").path("retry_count").asInt()).isEqualTo(5);
        assertThat(task.path("status").asText()).isEqualTo("Initializing");
        assertThat(task.path("status_desc").asText()).isNotBlank();
        assertThat(task.path("create_time").asText()).isEqualTo("20250301T080000Z");
        assertThat(task.path("task_progress").path("total").asInt()).isEqualTo(2);
        assertThat(task.path("task_progress").path("fail_wait_retry").asInt()).isZero();
        assertThat(ids(newest)).containsExactly(task.path("task_id").asText());
        assertThat(sandbox.stats().callsOf("CreateBatchTask")).isEqualTo(1);
    }

    @Test
    void shouldMakeUpDevicesForGroupsAndFiles() {
        JsonNode byGroup = client.post("batchtasks", Map.of("task_name", "g", "task_type", "freezeDevices",
                "targets_filter", Map.of("group_ids", List.of("g-1", "g-2")))).json();
        JsonNode byFile = client.post("batchtasks", Map.of("task_name", "f", "task_type", "createDevices",
                "document_source", "file-1")).json();

        assertThat(byGroup.path("task_progress").path("total").asInt()).isEqualTo(100);
        assertThat(byGroup.has("targets")).isFalse();
        assertThat(byGroup.path("targets_filter").path("group_ids")).hasSize(2);
        assertThat(byFile.path("task_progress").path("total").asInt()).isEqualTo(100);
    }

    static Stream<Arguments> invalidBodies() {
        Map<String, Object> valid = Map.of("task_name", "n", "task_type", "createCommands", "targets", List.of("d"));
        return Stream.of(
                Arguments.of(without(valid, "task_name"), "'task_name' is required"),
                Arguments.of(with(valid, "task_name", "x".repeat(129)), "'task_name' must be 1 to 128"),
                Arguments.of(with(valid, "task_name", 7), "'task_name' must be a string"),
                Arguments.of(without(valid, "task_type"), "'task_type' is required"),
                Arguments.of(with(valid, "task_type", "reboot"), "'task_type' must be one of"),
                Arguments.of(with(valid, "task_mode", "DIRECT"), "'task_mode' must be one of: GATEWAY"),
                Arguments.of(without(valid, "targets"), "One of 'targets', 'targets_filter' or 'document_source'"),
                Arguments.of(with(valid, "targets", List.of("")), "'targets' must hold device ids"),
                Arguments.of(with(valid, "targets", List.of("bad\u0001id")), "'targets' must hold device ids"),
                Arguments.of(with(valid, "targets",
                        IntStream.range(0, 30_001).mapToObj(i -> "d" + i).toList()), "at most 30000 device ids"),
                Arguments.of(with(valid, "targets_filter", Map.of("ids", List.of())), "'targets_filter' must be"),
                Arguments.of(with(valid, "app_id", "bad id"), "'app_id' must be at most 36"),
                Arguments.of(with(valid, "task_policy", Map.of("retry_count", 6, "retry_interval", 10)),
                        "'task_policy.retry_count' must be an integer from 1 to 5"),
                Arguments.of(with(valid, "task_policy", Map.of("retry_count", 2)), "must be given together"),
                Arguments.of(with(valid, "task_policy", Map.of("schedule_time", "2025-03-01")),
                        "'task_policy.schedule_time' must be yyyyMMdd'T'HHmmss'Z'"),
                Arguments.of(with(valid, "task_policy", Map.of("schedule_time", "20250309T080000Z")),
                        "'task_policy.schedule_time' must be within 7 days"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void shouldRefuseInvalidCreateBodiesNamingTheField(Map<String, Object> body, String why) {
        Answer answer = client.post("batchtasks", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IOTDA.000006");
        assertThat(answer.message()).contains(why);
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() {
        Answer answer = client.post("batchtasks", "[\"not\", \"an object\"]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IOTDA.000008");
    }

    @Test
    void shouldProgressThroughEveryStatusAsTheClockMoves() {
        List<String> targets = IntStream.rangeClosed(1, 200).mapToObj(i -> "meter-" + i).toList();
        String id = client.createBatchTask("read-meters", "createCommands", targets).json().path("task_id").asText();
        List<String> statuses = new ArrayList<>();
        List<Integer> finished = new ArrayList<>();

        for (int second = 0; second <= 10; second++) {
            JsonNode task = client.get("batchtasks/" + id, Map.of()).json().path("batchtask");
            JsonNode progress = task.path("task_progress");
            statuses.add(task.path("status").asText());
            finished.add(progress.path("success").asInt() + progress.path("fail").asInt());
            assertThat(progress.path("success").asInt() + progress.path("fail").asInt()
                    + progress.path("processing").asInt() + progress.path("waitting").asInt()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
        }

        // 10 s: a tenth Initializing, a tenth Waitting, then devices finish at an even pace; 5% of them fail
        assertThat(statuses.subList(0, 2)).containsExactly("Initializing", "Waitting");
        assertThat(statuses.subList(2, 10)).containsOnly("Processing");
        assertThat(statuses.get(10)).isEqualTo("PartialSuccess");
        assertThat(finished).isSorted().startsWith(0, 0, 0).endsWith(200);
        assertThat(finished.get(6)).isEqualTo(100);
    }

    @Test
    void shouldShowDetailsFilteredAndPaged() {
        List<String> targets = IntStream.rangeClosed(1, 200).mapToObj(i -> "meter-" + i).toList();
        String id = client.createBatchTask("read-meters", "createCommands", targets).json().path("task_id").asText();
        clock.advance(Duration.ofSeconds(6));

        JsonNode midway = client.get("batchtasks/" + id, Map.of("limit", "50")).json();
        JsonNode processing = client.get("batchtasks/" + id, Map.of("task_detail_status", "Processing")).json();
        clock.advance(Duration.ofSeconds(4));
        JsonNode failed = client.get("batchtasks/" + id, Map.of("task_detail_status", "Fail", "limit", "50")).json();
        JsonNode one = client.get("batchtasks/" + id, Map.of("target", "meter-150")).json();
        JsonNode paged = client.get("batchtasks/" + id, Map.of("limit", "5", "offset", "195")).json();

        assertThat(midway.path("task_details")).hasSize(50);
        assertThat(midway.path("page").path("count").asLong()).isEqualTo(200);
        assertThat(processing.path("page").path("count").asLong()).isEqualTo(20);
        assertThat(processing.path("task_details").path(0).path("target").asText()).isEqualTo("meter-101");
        assertThat(failed.path("task_details")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.path("status").asText()).isEqualTo("Fail");
            assertThat(d.path("error").path("error_code").asText()).isEqualTo("IOTDA.014016");
            assertThat(d.path("error").path("error_msg").asText()).isNotBlank();
            assertThat(d.has("output")).isFalse();
        });
        assertThat(failed.path("page").path("count").asInt())
                .isEqualTo(failed.path("batchtask").path("task_progress").path("fail").asInt());
        assertThat(one.path("task_details")).hasSize(1);
        assertThat(one.path("task_details").path(0).path("target").asText()).isEqualTo("meter-150");
        assertThat(paged.path("task_details")).extracting(d -> d.path("target").asText())
                .containsExactly("meter-196", "meter-197", "meter-198", "meter-199", "meter-200");
    }

    @Test
    void shouldRefuseUnknownAndMalformedTaskIds() {
        Answer unknown = client.get("batchtasks/0123456789abcdef01234567", Map.of());
        Answer malformed = client.get("batchtasks/NOT-A-TASK", Map.of());
        Answer badFilter = client.get("batchtasks/" + client.allTaskIds("createDevices").get(0),
                Map.of("task_detail_status", "Done"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("IOTDA.016001");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).contains("'task_id'");
        assertThat(badFilter.message()).contains("'task_detail_status' must be one of");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("batchtasks").forEach(t -> ids.add(t.path("task_id").asText()));
        return ids;
    }
}
