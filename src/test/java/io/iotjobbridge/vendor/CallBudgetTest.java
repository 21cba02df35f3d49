package io.iotjobbridge.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallBudgetTest {

    @Test
    void noOneSecondWindowCanHoldMoreCallsThanTheLimit() {
        for (int qps : new int[] {1, 2, 5, 10, 50}) {
            long period = CallBudget.spacing(qps).toNanos();
            long periodsOverlappedByOneSecond = 1_000_000_000L / period + 1;
            assertThat(periodsOverlappedByOneSecond).as("QPS %d", qps).isLessThanOrEqualTo(qps);
        }
    }

    @Test
    void apisWithoutAnEntryGetTheDefault() {
        CallBudget budget = new CallBudget(Map.of("CreateJob", 5), 10, Duration.ofSeconds(1));

        assertThat(budget.qpsOf("CreateJob")).isEqualTo(5);
        assertThat(budget.qpsOf("QueryJob")).isEqualTo(10);
    }

    @Test
    void aPermitBeyondTheWaitLimitIsARetryableFailureNamingTheApi() throws VendorException {
        CallBudget budget = new CallBudget(Map.of("CreateJob", 1), 10, Duration.ZERO);
        budget.acquire(Vendor.ALIYUN, "default", "CreateJob");

        assertThatThrownBy(() -> budget.acquire(Vendor.ALIYUN, "default", "CreateJob"))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("CreateJob", "1/s", "default");
                });
        // another account has a budget of its own
        budget.acquire(Vendor.ALIYUN, "other", "CreateJob");
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> new CallBudget(Map.of("CreateJob", 0), 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
