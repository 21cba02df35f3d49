package io.iotjobbridge.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names from requests and vendor answers made into one safe path segment, and templates that keep them so. */
class SafeNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "../../etc/x          | x",
            "/abs/path            | path",
            "..\\..\\x            | x",
            "%2e%2e/x             | x",
            "%2e%2e               | _2e_2e",
            "..                   | file",
            "...                  | file",
            ".hidden              | hidden",
            "C:evil.csv           | C_evil.csv",
            "``                   | file",
            "产品信息 2022.csv     | 产品信息 2022.csv",
    })
    void shouldKeepOneHarmlessSegment(String untrusted, String expected) {
        assertThat(SafeNames.fileName(untrusted)).isEqualTo(expected);
    }

    @Test
    void shouldReplaceControlCharactersAndNul() {
        assertThat(SafeNames.fileName("a\0b\nc\u0007d")).isEqualTo("a_b_c_d");
    }

    @Test
    void shouldCutOverlongNames() {
        assertThat(SafeNames.fileName("f".repeat(500))).hasSize(200);
    }

    @Test
    void shouldKeepEveryTemplateValueOneSegmentSoNothingClimbsOut() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        JobRecord job = new JobRecord("job-1", "../../req", Vendor.HUAWEI, "/etc", "..", "default", "{}", null,
                JobState.DOWNLOADING, null, null, null, null, 0, at, at, at, 0);

        String rendered = new FileNameTemplate("{vendor}/{account}/{operation}/{yyyy}/{requestId}-{fileName}")
                .render(job, "../../../escape.csv");

        assertThat(rendered).isEqualTo("huawei/etc/file/2026/req-escape.csv");
    }
}
