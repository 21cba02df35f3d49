package io.iotjobbridge.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor call history: a job's calls, counts per API with the busiest second, refusals, forgetting. */
class VendorCallLogTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final HikariDataSource dataSource = LedgerDataSource.open(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    private final VendorCallLog log = new VendorCallLog(dataSource);

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static VendorCall call(String jobId, String action, VendorCall.Outcome outcome, Instant at) {
        return new VendorCall(at, jobId, Vendor.ALIYUN, "default", action, outcome,
                outcome == VendorCall.Outcome.OK ? null : "Code", null, Duration.ofMillis(12));
    }

    @Test
    void shouldCountEachApisCallsByOutcomeWithItsBusiestSecond() {
        log.heard(call("a", "QueryJob", VendorCall.Outcome.OK, T0.plusMillis(100)));
        log.heard(call("a", "QueryJob", VendorCall.Outcome.THROTTLED, T0.plusMillis(400)));
        log.heard(call("b", "QueryJob", VendorCall.Outcome.OK, T0.plusMillis(900)));
        log.heard(call("b", "QueryJob", VendorCall.Outcome.QUOTA, T0.plusMillis(1500)));
        log.heard(call("b", "CreateJob", VendorCall.Outcome.DENIED, T0.plusMillis(1600)));
        log.heard(call("c", "QueryJob", VendorCall.Outcome.OK, T0.minusSeconds(61)));

        assertThat(log.since(T0.minusSeconds(60))).containsExactly(
                new VendorCallLog.ApiCalls(Vendor.ALIYUN, "default", "CreateJob", 1, 0, 1, 1),
                new VendorCallLog.ApiCalls(Vendor.ALIYUN, "default", "QueryJob", 4, 1, 1, 3));
    }

    @Test
    void shouldListAJobsCallsOldestFirstAndRefusalsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            log.heard(call("a", "QueryJob", i == 3 ? VendorCall.Outcome.ERROR : VendorCall.Outcome.OK,
                    T0.plusSeconds(i)));
        }
        log.heard(call("b", "ListTask", VendorCall.Outcome.THROTTLED, T0.plusSeconds(9)));

        assertThat(log.forJob("a", 3)).extracting(VendorCall::at)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
        assertThat(log.lastRefusals(10)).extracting(VendorCall::action).containsExactly("ListTask", "QueryJob");
        assertThat(log.forgetBefore(T0.plusSeconds(4))).isEqualTo(4);
        assertThat(log.forJob("a", 10)).hasSize(1);
    }
}
