package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import org.junit.jupiter.api.Test;

/** Configuration and catalog rules: accounts, destinations, supported operations, hand-built requests. */
class RequestValidatorTest {

    private static final String ALIYUN_SUPPORTED = "CreateDownloadDataJob, CreateJob, QueryDeviceDistributeJob";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "default" is configured for both vendors, "cn-only" for aliyun only. */
    private final RequestValidator validator = new RequestValidator(OperationCatalog.of(AliyunOperations.TABLE),
            (vendor, account) -> account.equals("default") || (account.equals("cn-only") && vendor == Vendor.ALIYUN),
            Set.of("default", "archive"), Clock.fixed(Instant.parse("2022-07-21T00:00:00Z"), ZoneOffset.UTC));

    private static ObjectNode validParams() {
        ObjectNode params = JSON.createObjectNode();
        params.put("TableName", "product_info");
        params.put("DownloadDataType", "TABLE");
        params.put("StartTime", 1658332800000L);
        params.put("EndTime", 1658406464534L);
        return params;
    }

    private static JobRequest request(Vendor vendor, String account, String operation, String destination) {
        return new JobRequest("job-1", vendor, account, operation, validParams(), destination);
    }

    @Test
    void shouldAcceptAValidRequest() {
        assertThatCode(() -> validator.validate(request(Vendor.ALIYUN, "default", "CreateDownloadDataJob", null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(request(Vendor.ALIYUN, "cn-only", "CreateDownloadDataJob", "archive")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAccountNotConfiguredForTheVendor() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "other", "CreateDownloadDataJob", null))))
                .containsExactly("account: 'other' is not configured for aliyun (define bridge.accounts.other.aliyun.*)");
    }

    @Test
    void shouldAskTheAccountPredicatePerVendor() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.HUAWEI, "cn-only", "CreateExportTask", null))))
                .containsExactly(
                        "account: 'cn-only' is not configured for huawei (define bridge.accounts.cn-only.huawei.*)",
                        "operation: 'CreateExportTask' is not supported for vendor huawei; supported: none");
    }

    @Test
    void shouldRejectDestinationNotConfigured() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", "CreateDownloadDataJob", "s3"))))
                .containsExactly("destination: 's3' is not configured; configured: archive, default");
    }

    @Test
    void shouldRejectUnsupportedOperationByName() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", "CancelJob", null))))
                .containsExactly("operation: 'CancelJob' is not supported for vendor aliyun; supported: " + ALIYUN_SUPPORTED);
    }

    @Test
    void shouldNotGuessAnOperationSpelledInAnotherCaseButPointAtIt() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", "createDownloadDataJob", null))))
                .containsExactly("operation: 'createDownloadDataJob' is not supported for vendor aliyun"
                        + " (did you mean 'CreateDownloadDataJob'?); supported: " + ALIYUN_SUPPORTED);
    }

    @Test
    void shouldRejectEveryOperationForHuaweiUntilItsTableExists() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.HUAWEI, "default", "CreateDownloadDataJob", null))))
                .containsExactly("operation: 'CreateDownloadDataJob' is not supported for vendor huawei; supported: none");
    }

    @Test
    void shouldNotOfferCompanionOperationsToRequests() {
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", "GetDownloadFile", null))))
                .containsExactly("operation: 'GetDownloadFile' is not supported for vendor aliyun; supported: " + ALIYUN_SUPPORTED);
    }

    @Test
    void shouldReportConfigurationOperationAndParamsProblemsTogether() {
        ObjectNode params = validParams();
        params.put("EndTime", 1658332800000L);
        JobRequest bad = new JobRequest("job-1", Vendor.ALIYUN, "nobody", "CreateDownloadDataJob", params, "nowhere");
        assertThat(violationsOf(() -> validator.validate(bad))).containsExactly(
                "account: 'nobody' is not configured for aliyun (define bridge.accounts.nobody.aliyun.*)",
                "destination: 'nowhere' is not configured; configured: archive, default",
                "params.EndTime: must be later than params.StartTime; was equal to it");
    }

    @Test
    void shouldCheckHandBuiltRequestsForMissingParts() {
        JobRequest empty = new JobRequest(null, null, null, null, null, null);
        assertThat(violationsOf(() -> validator.validate(empty))).containsExactly(
                "id: is required",
                "vendor: is required",
                "account: is required",
                "operation: is required",
                "params: is required");
    }

    @Test
    void shouldApplyTheEnvelopeRulesToHandBuiltRequests() {
        JobRequest odd = new JobRequest("../x", Vendor.ALIYUN, "a.b", " ", validParams(), "");
        assertThat(violationsOf(() -> validator.validate(odd))).containsExactly(
                "id: must use only letters A-Z a-z, digits, '.', '_' and '-', and start with a letter or digit",
                "account: must use only letters A-Z a-z, digits, '_' and '-', and start with a letter or digit",
                "destination: must be 1 to 64 characters long; was 0",
                "operation: must not be blank");
    }

    @Test
    void shouldQuoteAnUnsupportedOperationShortAndVisible() {
        String longName = "Op" + "x".repeat(200);
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", longName, null))))
                .containsExactly("operation: 'Op" + "x".repeat(62) + "…' is not supported for vendor aliyun;"
                        + " supported: " + ALIYUN_SUPPORTED);
        assertThat(violationsOf(() -> validator.validate(request(Vendor.ALIYUN, "default", "Create\u202EJob", null))))
                .containsExactly("operation: 'Create\\u202EJob' is not supported for vendor aliyun;"
                        + " supported: " + ALIYUN_SUPPORTED);
    }

    @Test
    void shouldValidateWhatTheParserProduced() {
        JobRequest parsed = new RequestParser().parse("""
                vendor: aliyun
                account: default
                operation: CreateDownloadDataJob
                params: {TableName: t, DownloadDataType: TABLE, StartTime: 0, EndTime: 1}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatCode(() -> validator.validate(parsed)).doesNotThrowAnyException();
    }
}
