package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.aliyun.iot20180120.Client;
import com.aliyun.iot20180120.models.CancelJobRequest;
import com.aliyun.iot20180120.models.CreateDownloadDataJobRequest;
import com.aliyun.iot20180120.models.CreateJobRequest;
import com.aliyun.iot20180120.models.GetDownloadFileRequest;
import com.aliyun.iot20180120.models.ListDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.ListJobRequest;
import com.aliyun.iot20180120.models.ListTaskRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeDetailRequest;
import com.aliyun.iot20180120.models.QueryDeviceDistributeJobRequest;
import com.aliyun.iot20180120.models.QueryJobRequest;
import com.aliyun.iot20180120.models.QueryJobStatisticsRequest;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.iotjobbridge.vendor.aliyun.AliyunOperations.AliyunAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations table against what the official tea SDK (com.aliyun:iot20180120 3.0.12) actually sends: both call
 * a capture server with every parameter set, and each action must leave with the same method, the same parameters
 * in the query string and in the form body, and the same parameters as JSON text.
 */
class AliyunWireLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> OBJECT = Map.of("k", "v");

    /** One request as it arrived: method, and each parameter's value by where it was sent. */
    private record Captured(String action, String method, Map<String, String> query, Map<String, String> form) {
    }

    private final List<Captured> captured = new CopyOnWriteArrayList<>();
    private final FlowFixture fixture = new FlowFixture();
    private HttpServer server;
    private Client sdk;
    private AliyunClient bridge;

    @BeforeEach
    void startCaptureServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            captured.add(new Captured(exchange.getRequestHeaders().getFirst("x-acs-action"),
                    exchange.getRequestMethod(), decode(exchange.getRequestURI().getRawQuery()),
                    decode(new String(body, StandardCharsets.UTF_8))));
            byte[] reply = "{\"RequestId\": \"r\", \"Success\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        sdk = new Client(new Config().setAccessKeyId(FlowFixture.AK).setAccessKeySecret("flow-secret")
                .setEndpoint("127.0.0.1:" + server.getAddress().getPort()).setProtocol("HTTP"));
        bridge = fixture.client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        fixture.close();
    }

    @Test
    void shouldSendCreateJobAsTheSdkDoes() throws Exception {
        sdk.createJob(new CreateJobRequest().setDescription("d").setIotInstanceId("iot-1").setJobDocument("{\"k\":\"v\"}")
                .setJobFile(OBJECT).setJobName("oneJob").setRolloutConfig(OBJECT).setScheduledTime(1L)
                .setTargetConfig(OBJECT).setTimeoutConfig(OBJECT).setType("PUB"));
        assertSameLayout(AliyunOperations.CREATE_JOB, """
                {"Description": "d", "IotInstanceId": "iot-1", "JobDocument": {"k": "v"}, "JobFile": {"k": "v"},
                 "JobName": "oneJob", "RolloutConfig": {"k": "v"}, "ScheduledTime": 1, "TargetConfig": {"k": "v"},
                 "TimeoutConfig": {"k": "v"}, "Type": "PUB"}""");
    }

    @Test
    void shouldSendTheJobQueriesAsTheSdkDoes() throws Exception {
        sdk.queryJob(new QueryJobRequest().setJobId("J1").setIotInstanceId("iot-1"));
        assertSameLayout(AliyunOperations.QUERY_JOB, "{\"JobId\": \"J1\", \"IotInstanceId\": \"iot-1\"}");
        sdk.queryJobStatistics(new QueryJobStatisticsRequest().setJobId("J1").setIotInstanceId("iot-1"));
        assertSameLayout(AliyunOperations.QUERY_JOB_STATISTICS, "{\"JobId\": \"J1\", \"IotInstanceId\": \"iot-1\"}");
        sdk.cancelJob(new CancelJobRequest().setJobId("J1").setIotInstanceId("iot-1"));
        assertSameLayout(AliyunOperations.CANCEL_JOB, "{\"JobId\": \"J1\", \"IotInstanceId\": \"iot-1\"}");
    }

    @Test
    void shouldSendListTaskAsTheSdkDoes() throws Exception {
        sdk.listTask(new ListTaskRequest().setDevice(Map.of("IotId", "i1")).setIotInstanceId("iot-1").setJobId("J1")
                .setLimit(50).setNextToken("t").setStatus("FAILED"));
        assertSameLayout(AliyunOperations.LIST_TASK, """
                {"Device": {"IotId": "i1"}, "IotInstanceId": "iot-1", "JobId": "J1", "Limit": 50, "NextToken": "t",
                 "Status": "FAILED"}""");
    }

    @Test
    void shouldSendListJobAsTheSdkDoes() throws Exception {
        sdk.listJob(new ListJobRequest().setIotInstanceId("iot-1").setPageSize(50).setCurrentPage(2)
                .setStatus("IN_PROGRESS"));
        assertSameLayout(AliyunOperations.LIST_JOB, """
                {"IotInstanceId": "iot-1", "PageSize": 50, "CurrentPage": 2, "Status": "IN_PROGRESS"}""");
    }

    @Test
    void shouldSendTheDistributionQueriesAsTheSdkDoes() throws Exception {
        sdk.queryDeviceDistributeJob(new QueryDeviceDistributeJobRequest().setJobId("J1"));
        assertSameLayout(AliyunOperations.QUERY_DEVICE_DISTRIBUTE_JOB, "{\"JobId\": \"J1\"}");
        sdk.queryDeviceDistributeDetail(new QueryDeviceDistributeDetailRequest().setJobId("J1"));
        assertSameLayout(AliyunOperations.QUERY_DEVICE_DISTRIBUTE_DETAIL, "{\"JobId\": \"J1\"}");
        sdk.listDeviceDistributeJob(new ListDeviceDistributeJobRequest().setPageSize(200).setCurrentPage(1)
                .setNextToken("t").setStatus(1).setJobId("J1").setTargetUid("u1").setProductKey("pk"));
        assertSameLayout(AliyunOperations.LIST_DEVICE_DISTRIBUTE_JOB, """
                {"PageSize": 200, "CurrentPage": 1, "NextToken": "t", "Status": 1, "JobId": "J1", "TargetUid": "u1",
                 "ProductKey": "pk"}""");
    }

    @Test
    void shouldSendTheDownloadActionsAsTheSdkDoes() throws Exception {
        sdk.createDownloadDataJob(new CreateDownloadDataJobRequest().setContext(OBJECT).setDownloadDataType("TABLE")
                .setEndTime(2L).setFileConfig(OBJECT).setIotInstanceId("iot-1").setStartTime(1L).setTableName("t"));
        assertSameLayout(AliyunOperations.CREATE_DOWNLOAD_DATA_JOB, """
                {"Context": {"k": "v"}, "DownloadDataType": "TABLE", "EndTime": 2, "FileConfig": {"k": "v"},
                 "IotInstanceId": "iot-1", "StartTime": 1, "TableName": "t"}""");
        sdk.getDownloadFile(new GetDownloadFileRequest().setContext(OBJECT).setIotInstanceId("iot-1").setLongJobId("L"));
        assertSameLayout(AliyunOperations.GET_DOWNLOAD_FILE,
                "{\"Context\": {\"k\": \"v\"}, \"IotInstanceId\": \"iot-1\", \"LongJobId\": \"L\"}");
    }

    /** Sends {@code params} with the bridge's client and compares it with the SDK's call just captured. */
    private void assertSameLayout(AliyunAction action, String params) throws Exception {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JSON.readTree(params).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        assertThat(values.keySet()).as("the test sets every declared parameter")
                .containsExactlyInAnyOrderElementsOf(action.params().fieldNames());
        bridge.call(action, values);
        Captured fromSdk = captured.get(captured.size() - 2);
        Captured fromBridge = captured.get(captured.size() - 1);

        assertThat(fromSdk.action()).isEqualTo(action.name());
        assertThat(fromBridge.action()).isEqualTo(action.name());
        assertThat(fromBridge.method()).as(action.name() + " method").isEqualTo(fromSdk.method())
                .isEqualTo(action.method());
        assertThat(fromBridge.query().keySet()).as(action.name() + " query")
                .isEqualTo(fromSdk.query().keySet());
        assertThat(fromBridge.form().keySet()).as(action.name() + " form body")
                .isEqualTo(fromSdk.form().keySet()).isEqualTo(new TreeSet<>(action.bodyParams()));
        for (String json : action.jsonParams()) {
            assertThat(JSON.readTree(valueOf(fromSdk, json)).isObject()).as("SDK sends " + json + " as JSON").isTrue();
            assertThat(JSON.readTree(valueOf(fromBridge, json))).as(json + " as JSON")
                    .isEqualTo(JSON.readTree(valueOf(fromSdk, json)));
        }
    }

    private static String valueOf(Captured call, String name) {
        return call.query().containsKey(name) ? call.query().get(name) : call.form().get(name);
    }

    private static Map<String, String> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new TreeMap<>();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                (a, b) -> b, TreeMap::new));
    }
}
