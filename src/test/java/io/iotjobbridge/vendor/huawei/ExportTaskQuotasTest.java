package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.Quota;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.StatusSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor quotas an export's submit takes: IoTDA's per-user limits, for the user behind the account. */
class ExportTaskQuotasTest {

    private static final JobRecord EXPORT = FlowFixture.job("export-q", "CreateExportTask",
            new ObjectMapper().createObjectNode().put("resource_type", "BatchTask"), null);

    @TempDir
    Path dir;

    private ExportTaskFlow flow(String accountName, Optional<String> instance, HuaweiAccount.ExportLimits limits) {
        HuaweiAccount account = new HuaweiAccount(accountName, URI.create("https://iotda.example.test"), "HPUAK1",
                Secret.of("sk"), "proj1", "cn-north-4", instance, Duration.ofSeconds(30), limits);
        Clock clock = Clock.systemUTC();
        return new ExportTaskFlow(new HuaweiClient(account, null, new CallBudget(Map.of(), 10, Duration.ZERO, clock),
                clock), new Spool(dir), new StatusSweep<>(Duration.ZERO, Duration.ZERO, clock));
    }

    @Test
    void shouldTakeAShareOfTheUnfinishedAndTheKeptExportsOfTheUser() {
        assertThat(flow("prod", Optional.empty(), HuaweiAccount.ExportLimits.DOCUMENTED).quotas(EXPORT))
                .containsExactly(
                        new Quota.Unfinished("huawei:HPUAK1@proj1:export:unfinished", 5,
                                "5 unfinished export tasks per user"),
                        new Quota.Retained("huawei:HPUAK1@proj1:export:kept", 50, "50 export tasks kept per user"));
    }

    @Test
    void shouldUseTheAccountsConfiguredLimits() {
        assertThat(flow("prod", Optional.empty(), new HuaweiAccount.ExportLimits(2, 10)).quotas(EXPORT))
                .extracting(q -> q instanceof Quota.Unfinished u ? u.max() : ((Quota.Retained) q).max())
                .containsExactly(2, 10);
    }

    @Test
    void shouldShareTheQuotaBetweenAccountProfilesOfOneUserButNotAcrossInstances() {
        var limits = HuaweiAccount.ExportLimits.DOCUMENTED;
        assertThat(flow("one", Optional.empty(), limits).quotas(EXPORT))
                .isEqualTo(flow("other", Optional.empty(), limits).quotas(EXPORT));
        assertThat(flow("one", Optional.of("inst-9"), limits).quotas(EXPORT)).extracting(Quota::key).containsExactly(
                "huawei:HPUAK1@proj1/inst-9:export:unfinished", "huawei:HPUAK1@proj1/inst-9:export:kept");
    }
}
