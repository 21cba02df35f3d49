package io.iotjobbridge.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * Fuzzes the request parser and validator: any bytes, in either layout, give requests or a rejection with reasons,
 * never another exception. Seeds: {@code src/test/resources/io/iotjobbridge/request/RequestFuzzTestInputs/}.
 */
class RequestFuzzTest {

    /** Small limits, so the fuzzer reaches them with short inputs. */
    private static final RequestParser PARSER = new RequestParser(4096, 8);
    private static final RequestValidator VALIDATOR = new RequestValidator(
            OperationCatalog.of(AliyunOperations.TABLE, HuaweiOperations.TABLE),
            (vendor, account) -> "default".equals(account) || vendor == Vendor.HUAWEI && "hw".equals(account),
            Set.of("default"), Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));

    @Guarantee(id = "S8", injection = "Jazzer: any bytes as a JSON or YAML request document",
            expected = "requests or a rejection with reasons; no other exception")
    @FuzzTest(maxDuration = "1m")
    void anyDocumentIsRequestsOrARejection(byte[] document) {
        readAndValidate(document, RequestLayout.DOCUMENT);
    }

    @Guarantee(id = "S8", injection = "Jazzer: any bytes as a JSON Lines batch",
            expected = "requests or a rejection with reasons; no other exception")
    @FuzzTest(maxDuration = "1m")
    void anyJsonLinesBatchIsRequestsOrARejection(byte[] document) {
        readAndValidate(document, RequestLayout.JSON_LINES);
    }

    private static void readAndValidate(byte[] document, RequestLayout layout) {
        RequestBatch batch;
        try {
            batch = PARSER.parseAll(document, layout);
        } catch (RequestRejectedException e) {
            assertThat(e.violations()).isNotEmpty();
            return;
        }
        assertThat(batch.items()).isNotEmpty().hasSizeLessThanOrEqualTo(8);
        for (RequestBatch.Item item : batch.items()) {
            try {
                JobRequest request = item.request();
                VALIDATOR.validate(request);
                assertThat(request.id()).isNotBlank();
            } catch (RequestRejectedException e) {
                assertThat(e.violations()).allSatisfy(v -> assertThat(item.position().locate(v).rule()).isNotBlank());
            }
        }
    }
}
