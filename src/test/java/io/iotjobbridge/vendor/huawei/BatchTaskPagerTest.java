package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.LoopbackTransport;
import io.iotjobbridge.http.RecordingTransport;
import io.iotjobbridge.request.spec.Specs;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.vendor.CallBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ListBatchTasks paging against the sandbox seeded with 1300 tasks (650 firmware upgrades): offset pages up to
 * offset 500, then the last id seen as marker; every task once, even when new tasks push the list down meanwhile.
 */
class BatchTaskPagerTest {

    private static final String AK = "pager-ak";
    private static final String SK = "pager-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HuaweiOperations.IotdaApi CREATE_BATCH_TASK = new HuaweiOperations.IotdaApi(
            "CreateBatchTask", "POST", "batchtasks", Specs.object(), Set.of(), Specs.object());

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private VendorSandbox sandbox;
    private LoopbackTransport loopback;
    private RecordingTransport http;
    private HuaweiClient client;

    @BeforeEach
    void start() {
        sandbox = VendorSandbox.start(SandboxSettings.defaults().withCredential(AK, Secret.of(SK))
                .withHuawei(SandboxSettings.defaults().huawei().withSeededBatchTasks(1300)), clock);
        loopback = new LoopbackTransport(sandbox.baseUrl());
        http = new RecordingTransport(loopback);
        client = new HuaweiClient(new HuaweiAccount("test", sandbox.baseUrl(), AK, Secret.of(SK), "project-1",
                "cn-north-4", Optional.empty()), http, new CallBudget(Map.of(), 1_000, Duration.ofSeconds(5), clock), clock);
    }

    @AfterEach
    void stop() throws Exception {
        loopback.close();
        sandbox.close();
    }

    private static ObjectNode firmwareUpgrades() {
        return JSON.createObjectNode().put("task_type", "firmwareUpgrade");
    }

    /** The paging parameters of each ListBatchTasks call, as "offset=…" or "marker=…,offset=…". */
    private List<String> pagingOfListCalls() {
        List<String> paging = new ArrayList<>();
        for (HttpCall call : http.calls()) {
            if (!call.method().equals("GET")) {
                continue;
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : call.rawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
            assertThat(query).containsEntry("task_type", "firmwareUpgrade").containsEntry("limit", "50");
            paging.add((query.containsKey("marker") ? "marker=" + query.get("marker") + "," : "")
                    + "offset=" + query.get("offset"));
        }
        return paging;
    }

    @Test
    void shouldPageByOffsetUpTo500ThenByTheLastIdSeen() throws Exception {
        List<String> ids = new ArrayList<>();

        BatchTaskPager.Outcome outcome = new BatchTaskPager(client).list(firmwareUpgrades(), 100_000,
                task -> ids.add(task.path("task_id").asText()));

        assertThat(outcome.listed()).isEqualTo(650);
        assertThat(outcome.truncated()).isFalse();
        assertThat(ids).hasSize(650).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> b.compareTo(a));
        String afterPage11 = ids.get(549);
        String afterPage13 = ids.get(649);
        assertThat(pagingOfListCalls()).containsExactly("offset=0", "offset=50", "offset=100", "offset=150",
                "offset=200", "offset=250", "offset=300", "offset=350", "offset=400", "offset=450", "offset=500",
                "marker=" + afterPage11 + ",offset=0", "marker=" + afterPage11 + ",offset=50",
                "marker=" + afterPage11 + ",offset=100");
        assertThat(afterPage13).isEqualTo(ids.get(ids.size() - 1));
    }

    @Test
    void shouldListEachTaskOnceWhenNewTasksPushTheListDownMeanwhile() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> created = new ArrayList<>();

        new BatchTaskPager(client).list(firmwareUpgrades(), 100_000, task -> {
            ids.add(task.path("task_id").asText());
            if (ids.size() == 60) {
                // three new upgrades: every older task moves three places down before the next offset page
                for (int i = 0; i < 3; i++) {
                    ObjectNode body = JSON.createObjectNode().put("task_name", "late-" + i)
                            .put("task_type", "firmwareUpgrade");
                    body.putArray("targets").add("device-" + i);
                    created.add(client.call(CREATE_BATCH_TASK, Map.of(), body).path("task_id").asText());
                }
            }
        });

        assertThat(ids).hasSize(650).doesNotHaveDuplicates().doesNotContainAnyElementsOf(created);
        assertThat(ids).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void shouldStopAtMaxTasksAndSaySoOnlyWhenMoreMatched() throws Exception {
        List<String> ids = new ArrayList<>();

        BatchTaskPager.Outcome capped = new BatchTaskPager(client).list(firmwareUpgrades(), 120,
                task -> ids.add(task.path("task_id").asText()));
        BatchTaskPager.Outcome exact = new BatchTaskPager(client).list(firmwareUpgrades(), 650, task -> { });

        assertThat(ids).hasSize(120);
        assertThat(capped).isEqualTo(new BatchTaskPager.Outcome(120, true, 3));
        assertThat(exact.listed()).isEqualTo(650);
        assertThat(exact.truncated()).isFalse();
    }

    @Test
    void shouldStartWhereTheRequestsOwnMarkerAndOffsetSayAndKeepItsFilters() throws Exception {
        List<String> succeededBelowMarker = new ArrayList<>();
        List<String> all = new ArrayList<>();
        new BatchTaskPager(client).list(firmwareUpgrades(), 100_000, task -> {
            all.add(task.path("task_id").asText());
            if (all.size() > 100 && task.path("status").asText().equals("Success")) {
                succeededBelowMarker.add(task.path("task_id").asText());
            }
        });
        ObjectNode from = firmwareUpgrades().put("marker", all.get(99).toUpperCase()).put("offset", 10)
                .put("limit", 20).put("status", "Success");
        List<String> listed = new ArrayList<>();

        new BatchTaskPager(client).list(from, 100_000, task -> listed.add(task.path("task_id").asText()));

        assertThat(succeededBelowMarker).hasSizeGreaterThan(30);
        assertThat(listed).containsExactlyElementsOf(succeededBelowMarker.subList(10, succeededBelowMarker.size()));
    }
}
