package io.iotjobbridge.vendor.aliyun;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.StreamedReply;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.Vendor;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What a flow test needs besides a sandbox: the bridge's real HTTP transport (camel-http in a bare context), a
 * client for an account at the sandbox, and ledger records to hand the flow.
 */
final class FlowFixture implements AutoCloseable {

    static final String AK = "flow-ak";
    static final Secret SECRET = Secret.of("flow-secret");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final CamelHttpTransport http;

    FlowFixture() {
        camel.start();
        http = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    HttpTransport http() {
        return http;
    }

    /**
     * A client whose call budget never holds a call back: these tests meet the sandbox's own limits on purpose,
     * and the budget is tested on its own.
     */
    AliyunClient client(URI endpoint, String regionId, Clock clock, HttpTransport transport) {
        AliyunAccount account = new AliyunAccount("default", endpoint, AK, SECRET, regionId, List.of());
        return new AliyunClient(account, transport, new CallBudget(Map.of(), 100_000, Duration.ofSeconds(5), clock), clock);
    }

    AliyunClient client(URI endpoint, Clock clock) {
        return client(endpoint, "cn-shanghai", clock, http);
    }

    /** A job as the ledger hands it to a flow: these params, and the vendor job id once submitted. */
    static JobRecord job(String operation, String paramsJson, String vendorJobId) {
        Instant created = Instant.parse("2025-03-03T04:00:00Z");
        return new JobRecord(UUID.randomUUID().toString(), "req-flow-test", Vendor.ALIYUN, "default", operation,
                "default", paramsJson, null, vendorJobId == null ? JobState.RECEIVED : JobState.SUBMITTED,
                vendorJobId, null, null, null, 0, created, created, created, 0);
    }

    /** Wraps a transport and runs {@code after} once each call to {@code action} has been answered. */
    static HttpTransport afterEach(HttpTransport inner, String action, Runnable after) {
        return new HttpTransport() {
            @Override
            public HttpReply send(HttpCall call) throws IOException {
                HttpReply reply = inner.send(call);
                if (action.equals(call.headers().get("x-acs-action"))) {
                    after.run();
                }
                return reply;
            }

            @Override
            public StreamedReply open(HttpCall call) throws IOException {
                return inner.open(call);
            }
        };
    }

    @Override
    public void close() throws Exception {
        http.close();
        camel.close();
    }
}
