package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.HttpCall;
import io.iotjobbridge.http.HttpReply;
import io.iotjobbridge.http.HttpTransport;
import io.iotjobbridge.http.StreamedReply;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes how the bridge reads Alibaba and Huawei answers: every flow (data download, device job, distribution watch,
 * export task, batch task listing) talks to a transport whose every status, body and downloaded file is fuzzed
 * input. Whatever comes back, a flow returns its result or throws {@link VendorException}; never a
 * NullPointerException, ClassCastException or the like. Seeds:
 * {@code src/test/resources/io/iotjobbridge/vendor/VendorResponseFuzzTestInputs/}.
 */
class VendorResponseFuzzTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Operation, its params and options as a request would give them. */
    private static final List<String[]> JOBS = List.of(
            new String[] {"CreateDownloadDataJob", "{\"IotInstanceId\":\"iot-1\",\"TableName\":\"t\","
                    + "\"DownloadDataType\":\"TABLE\",\"StartTime\":1658332800000,\"EndTime\":1658406464534}", null},
            new String[] {"CreateJob", "{\"JobName\":\"reboot_all\",\"Type\":\"INVOKE_SERVICE\","
                    + "\"JobDocument\":{\"s\":\"reboot\"},\"TargetConfig\":{\"targetType\":\"PRODUCT_KEY\","
                    + "\"targetProduct\":\"p\"}}", null},
            new String[] {"QueryDeviceDistributeJob", "{\"JobId\":\"UbmsVr7Ks2LmZp9Xw3cQ010001\"}", null},
            new String[] {"CreateExportTask", "{\"resource_type\":\"BatchTask\","
                    + "\"resource_condition\":{\"task_id\":\"01fc671f0000000000000071\"}}", "{\"extractEntries\":true}"},
            new String[] {"ListBatchTasks", "{\"task_type\":\"firmwareUpgrade\",\"limit\":50}",
                    "{\"waitUntilFinished\":true,\"exportFinished\":true,\"extractEntries\":true}"});

    @TempDir
    static Path spool;

    @Guarantee(id = "S8", injection = "Jazzer: any status, body and file for every vendor call of every flow",
            expected = "a result or a VendorException; never NPE, ClassCast or the like")
    @FuzzTest(maxDuration = "1m")
    void everyFlowReadsAnyVendorAnswerOrFailsWithAVendorException(FuzzedDataProvider data) {
        String[] kind = JOBS.get(data.consumeInt(0, JOBS.size() - 1));
        int step = data.consumeInt(0, 3);
        // the engine submits a job without a vendor job id and asks about one only once it has an id
        String vendorJobId = step == 0 ? null : "j" + data.consumeString(40);
        JobFlows flows = new JobFlows(accounts(), new FuzzedTransport(data), new Spool(spool),
                new CallBudget(Map.of(), 100_000, Duration.ZERO, CLOCK), new LocalCallSlots(CLOCK),
                Duration.ofSeconds(1), CLOCK);
        JobRecord job = job(kind, vendorJobId);
        JobFlow flow = flows.forJob(job);
        try {
            switch (step) {
                case 0 -> assertThat(flow.submit(job)).isNotNull();
                case 1 -> assertThat(flow.check(job)).isNotNull();
                case 2 -> assertThat(flow.resultFiles(job)).isNotNull();
                default -> assertThat(flow.followUps(job)).isNotNull();
            }
        } catch (VendorException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static JobRecord job(String[] kind, String vendorJobId) {
        boolean aliyun = !kind[0].equals("CreateExportTask") && !kind[0].equals("ListBatchTasks");
        return new JobRecord(UUID.randomUUID().toString(), "req-fuzz", aliyun ? Vendor.ALIYUN : Vendor.HUAWEI,
                "default", kind[0], "default", kind[1], kind[2],
                vendorJobId == null ? JobState.RECEIVED : JobState.RUNNING, vendorJobId, null, null, null, 0, NOW, NOW,
                NOW, 0);
    }

    private static Accounts accounts() {
        AliyunAccount aliyun = new AliyunAccount("default", URI.create("https://iot.cn-shanghai.aliyuncs.com"), "ak",
                Secret.of("sk"), "cn-shanghai", List.of("*.aliyuncs.com"), 3);
        HuaweiAccount huawei = new HuaweiAccount("default", URI.create("https://iotda.cn-north-4.myhuaweicloud.com"),
                "ak", Secret.of("sk"), "project-1", "cn-north-4", Optional.empty());
        return new Accounts(key -> Optional.empty(), () -> Optional.of(aliyun), () -> Optional.of(huawei));
    }

    /** Answers each call with a status and body taken from the fuzzer's input; a transport error when it says so. */
    private static final class FuzzedTransport implements HttpTransport {

        private final FuzzedDataProvider data;

        FuzzedTransport(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        public HttpReply send(HttpCall call) throws IOException {
            if (data.remainingBytes() == 0) {
                throw new IOException("connection reset");
            }
            return new HttpReply(status(), data.consumeString(4096).getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Request-Id", data.consumeString(16)));
        }

        @Override
        public StreamedReply open(HttpCall call) throws IOException {
            if (data.remainingBytes() == 0) {
                throw new IOException("connection reset");
            }
            int status = status();
            byte[] body = data.consumeBytes(data.consumeInt(0, 64 * 1024));
            InputStream in = new ByteArrayInputStream(body);
            return new StreamedReply(status, data.consumeBoolean() ? body.length : -1, in);
        }

        private int status() {
            return data.consumeBoolean() ? 200 : data.consumeInt(100, 599);
        }
    }
}
