package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.Quota;
import org.junit.jupiter.api.Test;

/** The vendor quotas a data download's submit takes: one running per instance, a few per account and vendor day. */
class DownloadDataQuotasTest {

    private static final String PARAMS = """
            {"TableName": "product_info", "DownloadDataType": "TABLE", "StartTime": 0, "EndTime": 1000%s}""";

    private static DownloadDataFlow flow(int dailyLimit) {
        AliyunAccount account = new AliyunAccount("prod", URI.create("https://iot.cn-shanghai.aliyuncs.com"), "ak",
                FlowFixture.SECRET, "cn-shanghai", List.of(), dailyLimit);
        Clock clock = Clock.systemUTC();
        return new DownloadDataFlow(new AliyunClient(account, null, new CallBudget(Map.of(), 10, Duration.ZERO, clock),
                clock), JobFlows::params);
    }

    private static JobRecord download(String extraParams) {
        return FlowFixture.job("CreateDownloadDataJob", PARAMS.formatted(extraParams), null);
    }

    @Test
    void shouldTakeTheRunningSlotOfTheRequestsInstanceAndADailyDownloadOfTheAccount() {
        assertThat(flow(3).quotas(download(", \"IotInstanceId\": \"iot-cn-abc\""))).containsExactly(
                new Quota.Unfinished("aliyun:prod:iot-cn-abc:download:running", 1,
                        "1 running data download per instance"),
                new Quota.PerDay("aliyun:prod:download:daily", 3, ZoneId.of("Asia/Shanghai"),
                        "3 data downloads per account per day"));
    }

    @Test
    void shouldNameTheInstanceWithoutAnIdWhenTheRequestGivesNone() {
        assertThat(flow(3).quotas(download(""))).extracting(Quota::key)
                .containsExactly("aliyun:prod:public-instance:download:running", "aliyun:prod:download:daily");
    }

    @Test
    void shouldCountTheAccountsConfiguredDailyLimitInTheVendorsDays() {
        Quota.PerDay daily = (Quota.PerDay) flow(5).quotas(download("")).get(1);

        assertThat(daily.max()).isEqualTo(5);
        assertThat(daily.describe()).isEqualTo("5 data downloads per account per day");
        assertThat(daily.zone()).as("the zone the sandbox and the error handling count days in")
                .isEqualTo(AliyunOperations.VENDOR_DAY_ZONE);
    }
}
