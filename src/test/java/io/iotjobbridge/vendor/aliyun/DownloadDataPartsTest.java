package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.request.JobRequest;
import io.iotjobbridge.request.OperationCatalog;
import io.iotjobbridge.request.RequestIds;
import io.iotjobbridge.request.RequestValidator;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;
import org.junit.jupiter.api.Test;

/** {@link DownloadDataFlow#parts}: a download over 3 days becomes consecutive part requests the bridge admits. */
class DownloadDataPartsTest {

    private static final long START = 1_658_332_800_000L;
    private static final long MS_PER_DAY = 86_400_000L;

    private final DownloadDataFlow flow = new DownloadDataFlow(null, JobFlows::params);
    private final RequestValidator validator = new RequestValidator(
            OperationCatalog.of(AliyunOperations.TABLE, HuaweiOperations.TABLE),
            (vendor, account) -> account.equals("prod"), Set.of("archive"),
            Clock.fixed(Instant.parse("2022-07-21T00:00:00Z"), ZoneOffset.UTC));

    private static JobRecord job(String requestId, long span, String fileConfig) {
        String params = """
                {"IotInstanceId": "iot-cn-npk1u", "TableName": "product_info", "DownloadDataType": "TABLE",
                 "StartTime": %d, "EndTime": %d%s}""".formatted(START, START + span, fileConfig);
        Instant created = Instant.parse("2022-07-21T00:00:00Z");
        return new JobRecord(UUID.randomUUID().toString(), requestId, Vendor.ALIYUN, "prod", "CreateDownloadDataJob",
                "archive", params, "{}", JobState.RECEIVED, null, null, null, null, 0, created, created, created, 0);
    }

    @Test
    void shouldNotSplitARangeTheVendorTakesWhole() {
        assertThat(flow.parts(job("whole", 3 * MS_PER_DAY, ""))).isEmpty();
    }

    @Test
    void shouldSplitSevenDaysIntoThreeRequestsLikeTheParentButForTheirRange() {
        List<JobRequest> parts = flow.parts(job("week", 7 * MS_PER_DAY, ", \"FileConfig\": {\"fileName\": \"week\"}"));

        assertThat(parts).extracting(JobRequest::id)
                .containsExactly("week.part-1-of-3", "week.part-2-of-3", "week.part-3-of-3");
        assertThat(parts).extracting(p -> p.params().path("StartTime").asLong()).containsExactly(
                START, START + 3 * MS_PER_DAY, START + 6 * MS_PER_DAY);
        assertThat(parts).extracting(p -> p.params().path("EndTime").asLong()).containsExactly(
                START + 3 * MS_PER_DAY - 1, START + 6 * MS_PER_DAY - 1, START + 7 * MS_PER_DAY);
        assertThat(parts).extracting(p -> p.params().path("FileConfig").path("fileName").asText())
                .containsExactly("week-part1of3", "week-part2of3", "week-part3of3");
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.vendor()).isEqualTo(Vendor.ALIYUN);
            assertThat(part.account()).isEqualTo("prod");
            assertThat(part.operation()).isEqualTo("CreateDownloadDataJob");
            assertThat(part.destination()).isEqualTo("archive");
            assertThat(part.params().path("IotInstanceId").asText()).isEqualTo("iot-cn-npk1u");
            assertThat(part.params().path("TableName").asText()).isEqualTo("product_info");
            assertThatCode(() -> validator.validate(part)).doesNotThrowAnyException();
        });
    }

    @Test
    void shouldLeaveTheFileNameToTheVendorWhenTheParentDid() {
        assertThat(flow.parts(job("no-name", 4 * MS_PER_DAY, ", \"FileConfig\": {}")))
                .allSatisfy(part -> assertThat(part.params().path("FileConfig").has("fileName")).isFalse());
        assertThat(flow.parts(job("no-config", 4 * MS_PER_DAY, "")))
                .allSatisfy(part -> assertThat(part.params().has("FileConfig")).isFalse());
    }

    @Test
    void shouldKeepIdsAndFileNamesOfALongestParentWithinTheirLimits() {
        String longestId = "r" + "x".repeat(RequestIds.MAX_LENGTH - 1);
        String longestName = "产".repeat(AliyunOperations.MAX_FILE_NAME);

        List<JobRequest> parts = flow.parts(job(longestId, 31 * MS_PER_DAY,
                ", \"FileConfig\": {\"fileName\": \"" + longestName + "\"}"));

        assertThat(parts).hasSize(11);
        assertThat(parts).extracting(JobRequest::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(RequestIds.MAX_LENGTH).endsWith("-of-11"));
        assertThat(parts.get(10).params().path("FileConfig").path("fileName").asText())
                .isEqualTo("产".repeat(AliyunOperations.MAX_FILE_NAME - 11) + "-part11of11");
        assertThat(parts).allSatisfy(part -> assertThatCode(() -> validator.validate(part))
                .doesNotThrowAnyException());
        assertThat(flow.parts(job(longestId, 31 * MS_PER_DAY, ""))).extracting(JobRequest::id)
                .as("the same parent gives the same ids").isEqualTo(parts.stream().map(JobRequest::id).toList());
    }
}
