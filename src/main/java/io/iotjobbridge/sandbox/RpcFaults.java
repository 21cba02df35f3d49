package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.iotjobbridge.sandbox.fault.Fault;
import io.iotjobbridge.sandbox.fault.FaultKind;

/**
 * How an injected fault looks on the Alibaba RPC API, in the shapes the vendor answers with: the gateway's error
 * document for 500, 503 and throttling, the data-download API's {@code Success=false} envelope for an error code,
 * and a reply the client cannot parse for malformed and truncated bodies.
 */
final class RpcFaults {

    private RpcFaults() {
    }

    /** Whether the fault is an answer at all: a reset closes the connection with nothing sent. */
    static boolean answers(Fault fault) {
        return fault.kind() != FaultKind.RESET;
    }

    /**
     * The business answer under {@code fault}; {@code serve} runs the real action where the fault needs its answer.
     *
     * @throws GatewayRejection for faults the gateway answers before the product sees the call
     */
    static IotResult result(Fault fault, Supplier<IotResult> serve) {
        return switch (fault.kind()) {
            case HTTP_500 -> throw GatewayError.internalError().rejection();
            case HTTP_503 -> throw GatewayError.serviceUnavailable().rejection();
            case THROTTLE -> throw GatewayError.throttled().rejection();
            case ERROR -> IotResult.failure(IotError.of(fault.code()));
            case NEVER_FINISH -> stillRunning(serve.get());
            default -> serve.get();
        };
    }

    /** The rendered body as sent under {@code fault}. */
    static byte[] body(Fault fault, byte[] rendered) {
        return switch (fault.kind()) {
            // what a proxy's error page in a 200 looks like to a JSON parser
            case MALFORMED -> "<html><body>upstream answered garbage</body></html>".getBytes(StandardCharsets.UTF_8);
            case TRUNCATED -> Arrays.copyOf(rendered, rendered.length / 2);
            default -> rendered;
        };
    }

    /** GetDownloadFile's answer for a job that is still running: Status 0, no file and no end time yet. */
    private static IotResult stillRunning(IotResult real) {
        if (!real.success() || real.data() == null) {
            return real;
        }
        Map<String, Object> data = new LinkedHashMap<>(real.data());
        data.put("Status", JobStatus.RUNNING.wireValue());
        data.remove("EndTime");
        data.remove("CsvUrl");
        data.remove("TotalCount");
        return IotResult.ok(real.fields(), data);
    }
}
