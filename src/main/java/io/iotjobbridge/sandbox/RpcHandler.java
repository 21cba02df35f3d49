package io.iotjobbridge.sandbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iotjobbridge.sandbox.fault.Fault;
import io.iotjobbridge.sandbox.fault.FaultTarget;
import io.iotjobbridge.sandbox.fault.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC endpoint, {@code GET|POST /}: gateway checks, then the action, answered in the IoT envelope, or in the
 * gateway's own error shape when the gateway refused the call.
 */
final class RpcHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RpcHandler.class);

    private final RpcGateway gateway;
    private final Map<String, Function<AuthenticatedCall, IotResult>> operations;
    private final StatsRecorder stats;
    private final Faults faults;

    RpcHandler(RpcGateway gateway, Map<String, Function<AuthenticatedCall, IotResult>> operations,
               StatsRecorder stats, Faults faults) {
        this.gateway = gateway;
        this.operations = Map.copyOf(operations);
        this.stats = stats;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = HttpReplies.newRequestId();
        exchange.getResponseHeaders().set("x-acs-request-id", requestId);
        WireFormat format = WireFormat.JSON;
        try {
            RpcHttpRequest request = RpcHttpRequest.read(exchange);
            format = AcsV3Scheme.appliesTo(request) ? WireFormat.JSON : WireFormat.forV1(request.params());
            boolean rpcMethod = "GET".equals(request.method()) || "POST".equals(request.method());
            if (!"/".equals(request.path()) || !rpcMethod) {
                throw GatewayError.actionNotFound().rejection();
            }
            SignedRequest signed = gateway.read(request);
            stats.call(signed.action());
            AuthenticatedCall call = gateway.authenticate(signed);
            Optional<Fault> fault = faults.next(FaultTarget.ALIYUN, call.action());
            if (fault.isPresent() && !RpcFaults.answers(fault.get())) {
                return;
            }
            IotResult result = fault.map(f -> RpcFaults.result(f, () -> invoke(call))).orElseGet(() -> invoke(call));
            if (!result.success()) {
                stats.rejection(result.code());
                LOG.debug("{} by {} refused: {}", call.action(), call.accessKeyId(), result.code());
            }
            byte[] body = format.render(call.action() + "Response", result.body(requestId));
            HttpReplies.send(exchange, result.httpStatus(), format.contentType(),
                    fault.map(f -> RpcFaults.body(f, body)).orElse(body));
        } catch (GatewayRejection rejection) {
            GatewayError error = rejection.error();
            stats.rejection(error.code());
            LOG.debug("Gateway refused request {}: {}", requestId, error.code());
            sendGatewayError(exchange, format, requestId, error);
        } catch (RuntimeException unexpected) {
            LOG.warn("Sandbox fault on request {}", requestId, unexpected);
            sendGatewayError(exchange, format, requestId, GatewayError.internalError());
        } finally {
            exchange.close();
        }
    }

    private IotResult invoke(AuthenticatedCall call) {
        try {
            return operations.get(call.action()).apply(call);
        } catch (IotRejection rejection) {
            return IotResult.failure(rejection.error());
        }
    }

    private static void sendGatewayError(HttpExchange exchange, WireFormat format, String requestId,
                                         GatewayError error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        body.put("Code", error.code());
        body.put("Message", error.message());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product=Iot&requestId="
                + requestId);
        HttpReplies.send(exchange, error.httpStatus(), format.contentType(), format.render("Error", body));
    }
}
