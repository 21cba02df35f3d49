package io.iotjobbridge.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;

/** The manifest's content: every field the ledger knows, in a fixed form, so a rewrite is byte-identical. */
class ManifestTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123456Z");

    @Test
    void shouldListTheJobItsTimeWindowAndEachFileInNameOrder() {
        JobRecord job = job(Vendor.ALIYUN, "{\"TableName\": \"t\", \"StartTime\": 1658332800000,"
                + " \"EndTime\": 1658406464534}");
        List<DeliveredFile> files = List.of(
                new DeliveredFile("a/r-2.csv", "default:a/r-2.csv", 20, "bb", Instant.parse("2026-03-04T06:00:00.5Z")),
                new DeliveredFile("a/r-1.csv", "default:a/r-1.csv", 10, "aa", Instant.parse("2026-03-04T06:01:00Z")));

        String json = new String(Manifest.of(job, files).toJson(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                {
                  "jobId" : "job-1",
                  "requestId" : "req-1",
                  "vendor" : "aliyun",
                  "account" : "default",
                  "operation" : "CreateDownloadDataJob",
                  "vendorJobId" : "vj-1",
                  "timeWindow" : {
                    "start" : "2022-07-20T16:00:00Z",
                    "end" : "2022-07-21T12:27:44.534Z"
                  },
                  "createdAt" : "2026-03-04T05:06:07.123Z",
                  "deliveredAt" : "2026-03-04T06:01:00Z",
                  "files" : [ {
                    "name" : "a/r-1.csv",
                    "location" : "default:a/r-1.csv",
                    "sizeBytes" : 10,
                    "sha256" : "aa"
                  }, {
                    "name" : "a/r-2.csv",
                    "location" : "default:a/r-2.csv",
                    "sizeBytes" : 20,
                    "sha256" : "bb"
                  } ]
                }
                """);
    }

    @Test
    void shouldHaveNoTimeWindowWhenTheRequestHasNone() {
        Manifest manifest = Manifest.of(job(Vendor.HUAWEI, "{\"batch_task_id\": \"b-1\"}"), List.of());

        assertThat(manifest.timeWindow()).isNull();
        assertThat(manifest.deliveredAt()).isNull();
        assertThat(new String(manifest.toJson(), StandardCharsets.UTF_8)).contains("\"timeWindow\" : null");
    }

    @Test
    void shouldBeTheSameBytesWhateverOrderTheLedgerListsTheFilesIn() {
        DeliveredFile one = new DeliveredFile("x/1", "d:x/1", 1, "a", CREATED);
        DeliveredFile two = new DeliveredFile("x/2", "d:x/2", 2, "b", CREATED);
        JobRecord job = job(Vendor.ALIYUN, "{}");

        assertThat(Manifest.of(job, List.of(two, one)).toJson()).isEqualTo(Manifest.of(job, List.of(one, two)).toJson());
    }

    private static JobRecord job(Vendor vendor, String params) {
        return new JobRecord("job-1", "req-1", vendor, "default", "CreateDownloadDataJob", "default", params, null,
                JobState.DOWNLOADING, "vj-1", null, 100, null, 0, CREATED, CREATED, CREATED, 2);
    }
}
