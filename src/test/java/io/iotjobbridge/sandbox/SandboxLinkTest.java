package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Properties;

import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.HuaweiAccount;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The sandbox offered as the default account: with the sandbox's own limits, so the bridge's quotas match them. */
class SandboxLinkTest {

    private static SandboxLink link(Properties properties) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // a sandbox said to run elsewhere: nothing is started, the accounts are built all the same
            properties.setProperty("bridge.sandbox.url", "http://127.0.0.1:18601");
            camel.getPropertiesComponent().setInitialProperties(properties);
            return SandboxLink.fromProperties(new BridgeProperties(camel.getPropertiesComponent()), Clock.systemUTC());
        }
    }

    @Test
    void shouldGiveTheSandboxAccountsTheDocumentedLimitsByDefault() throws Exception {
        SandboxLink link = link(new Properties());

        assertThat(link.aliyunAccount().map(AliyunAccount::downloadDailyLimit)).contains(3);
        assertThat(link.huaweiAccount().map(HuaweiAccount::exportLimits))
                .contains(new HuaweiAccount.ExportLimits(5, 50));
    }

    @Test
    void shouldGiveTheSandboxAccountsTheLimitsTheSandboxIsConfiguredWith() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("bridge.sandbox.aliyun.daily-job-limit", "7");
        properties.setProperty("bridge.sandbox.huawei.export-unfinished-limit", "2");
        properties.setProperty("bridge.sandbox.huawei.export-kept-limit", "10");

        SandboxLink link = link(properties);

        assertThat(link.aliyunAccount().map(AliyunAccount::downloadDailyLimit)).contains(7);
        assertThat(link.huaweiAccount().map(HuaweiAccount::exportLimits))
                .contains(new HuaweiAccount.ExportLimits(2, 10));
    }
}
