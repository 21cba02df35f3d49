package io.iotjobbridge.sandbox.huawei;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.StatsRecorder;
import io.iotjobbridge.sandbox.fault.Fault;
import io.iotjobbridge.sandbox.fault.FaultKind;
import io.iotjobbridge.sandbox.fault.FaultTarget;
import io.iotjobbridge.sandbox.fault.Faults;
import io.iotjobbridge.sandbox.huawei.IotdaOperation.Route;
import io.iotjobbridge.sandbox.push.JobWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Huawei IoTDA v5 endpoint, {@code /v5/iot/}: batch tasks and export tasks behind the API gateway's checks, in
 * the gateway's order: an API that exists (APIG.0101), a valid AK/SK signature (APIG.0301), then the per-AK, per-API
 * rate limit (APIG.0308). Each call is counted under its SDK action name and each refusal under its error code.
 * Every reply carries {@code X-Request-Id}.
 */
public final class IotdaHandler implements HttpHandler {

    public static final String CONTEXT = IotdaOperation.PATH_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(IotdaHandler.class);

    private final ApigGateway gateway;
    private final ApigThrottle throttle;
    private final Tenants tenants;
    private final Map<IotdaOperation, Function<IotdaCall, IotdaReply>> operations;
    private final Clock clock;
    private final StatsRecorder stats;
    private final Faults faults;
    private final HuaweiSandboxSettings huawei;

    /**
     * The seeded history of every scope is laid out around the moment this handler is created.
     *
     * @param watcher told of every batch task, to push its status changes
     */
    public IotdaHandler(SandboxSettings settings, Clock clock, StatsRecorder stats, JobWatcher watcher,
                        Faults faults) {
        HuaweiSandboxSettings huawei = settings.huawei();
        this.huawei = huawei;
        this.faults = faults;
        this.gateway = new ApigGateway(settings.credentials(), huawei.regionId(), settings.clockSkewAllowed(), clock);
        this.throttle = new ApigThrottle(huawei::qpsLimitOf);
        BatchTimeline timeline = new BatchTimeline(huawei.batchRunningFor());
        this.tenants = new Tenants(
                new BatchTaskSeeder(huawei.seededBatchTasks(), clock.instant(), huawei.batchRunningFor()),
                new ExportLedger.Limits(huawei.exportUnfinishedLimit(), huawei.exportKeptLimit(),
                        huawei.downloadInterval()),
                new BatchTaskEvents(watcher, timeline, settings.push().huaweiQueue()));
        BatchTaskApi batchTasks = new BatchTaskApi(timeline);
        ExportTaskApi exportTasks = new ExportTaskApi(timeline, huawei.exportRunningFor(),
                huawei.failingBatchTasks());
        Map<IotdaOperation, Function<IotdaCall, IotdaReply>> ops = new EnumMap<>(IotdaOperation.class);
        ops.put(IotdaOperation.LIST_BATCH_TASKS, batchTasks::list);
        ops.put(IotdaOperation.SHOW_BATCH_TASK, batchTasks::show);
        ops.put(IotdaOperation.CREATE_BATCH_TASK, batchTasks::create);
        ops.put(IotdaOperation.CREATE_EXPORT_TASK, exportTasks::create);
        ops.put(IotdaOperation.LIST_EXPORT_TASKS, exportTasks::list);
        ops.put(IotdaOperation.SHOW_EXPORT_TASK, exportTasks::file);
        this.operations = ops;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        try {
            IotdaReply reply;
            try {
                reply = serve(IotdaRequest.read(exchange));
            } catch (IotdaRejection rejection) {
                IotdaError error = rejection.error();
                stats.rejection(error.code());
                LOG.debug("IoTDA request {} refused: {} {}", requestId, error.code(), error.message());
                reply = new IotdaReply.Json(error.httpStatus(), errorBody(error, requestId));
            }
            send(exchange, reply);
        } catch (IOException clientWentAway) {
            // a client may stop reading half way through a download; that is its right, not a sandbox fault
            LOG.debug("IoTDA request {} ended early: {}", requestId, clientWentAway.toString());
        } catch (RuntimeException unexpected) {
            LOG.warn("Sandbox fault on IoTDA request {}", requestId, unexpected);
            sendQuietly(exchange, new IotdaReply.Json(500, errorBody(IotdaError.internalError(), requestId)));
        } finally {
            exchange.close();
        }
    }

    private IotdaReply serve(IotdaRequest request) {
        Route route = IotdaOperation.route(request.method(), request.path())
                .orElseThrow(() -> IotdaError.apiNotFound().rejection());
        String action = route.operation().action();
        stats.call(action);
        String accessKeyId = gateway.authenticate(request);
        throttle.admit(accessKeyId, action, clock.instant());
        Optional<Fault> fault = faults.next(FaultTarget.HUAWEI, action);
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case HTTP_500 -> throw IotdaError.internalError().rejection();
                case HTTP_503 -> throw IotdaError.serviceUnavailable().rejection();
                case THROTTLE -> throw IotdaError.throttled(huawei.qpsLimitOf(action)).rejection();
                default -> {
                    return new IotdaReply.Faulted(fault.get().kind(), invoke(route, accessKeyId, request));
                }
            }
        }
        return invoke(route, accessKeyId, request);
    }

    private IotdaReply invoke(Route route, String accessKeyId, IotdaRequest request) {
        String instanceId = request.header("instance-id");
        Tenant tenant = tenants.of(new TenantScope(accessKeyId, route.projectId(),
                instanceId == null ? "" : instanceId));
        return operations.get(route.operation())
                .apply(new IotdaCall(tenant, request, route.resourceId(), clock.instant()));
    }

    private static Map<String, Object> errorBody(IotdaError error, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", error.code());
        body.put("error_msg", error.message());
        if (error.fromGateway()) {
            body.put("request_id", requestId);
        }
        return body;
    }

    private static void send(HttpExchange exchange, IotdaReply reply) throws IOException {
        if (reply instanceof IotdaReply.Faulted faulted) {
            sendFaulted(exchange, faulted);
        } else if (reply instanceof IotdaReply.Json json) {
            byte[] body = IotdaJson.write(json.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(json.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else if (reply instanceof IotdaReply.File file) {
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.getResponseHeaders().set("Content-Disposition",
                    "attachment; filename=\"" + file.fileName() + "\"");
            // 0: chunked, because the ZIP's size is known only once it is written
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                file.content().writeTo(out);
            }
        }
    }

    /**
     * A reset sends nothing (closing the exchange drops the connection); malformed sends a 200 that is not JSON;
     * truncated sends the first half of the real body, consistently framed for a document and short of its declared
     * length for a file.
     */
    private static void sendFaulted(HttpExchange exchange, IotdaReply.Faulted faulted) throws IOException {
        if (faulted.fault() == FaultKind.RESET) {
            return;
        }
        if (faulted.fault() == FaultKind.MALFORMED) {
            sendBytes(exchange, 200, "<html><body>upstream answered garbage</body></html>".getBytes(
                    StandardCharsets.UTF_8), -1);
            return;
        }
        byte[] whole;
        if (faulted.real() instanceof IotdaReply.File file) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            file.content().writeTo(buffer);
            whole = buffer.toByteArray();
            exchange.getResponseHeaders().set("Content-Disposition",
                    "attachment; filename=\"" + file.fileName() + "\"");
            sendBytes(exchange, 200, Arrays.copyOf(whole, whole.length / 2), whole.length);
            return;
        }
        IotdaReply.Json json = (IotdaReply.Json) faulted.real();
        whole = IotdaJson.write(json.body());
        sendBytes(exchange, json.status(), Arrays.copyOf(whole, whole.length / 2), -1);
    }

    /** @param declaredLength the Content-Length to announce, or -1 for the body's own */
    private static void sendBytes(HttpExchange exchange, int status, byte[] body, long declaredLength)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, declaredLength < 0 ? body.length : declaredLength);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sendQuietly(HttpExchange exchange, IotdaReply reply) {
        try {
            send(exchange, reply);
        } catch (IOException | RuntimeException e) {
            // headers may already be out (a file half sent); closing the exchange is all that is left to do
            LOG.debug("Could not report a sandbox fault: {}", e.toString());
        }
    }
}
