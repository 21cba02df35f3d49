package io.iotjobbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

    private static final String HW = "bridge.accounts.prod.huawei.";
    private static final String ALI = "bridge.accounts.prod.aliyun.";

    @TempDir
    Path dir;

    private final Map<String, String> props = new HashMap<>();
    private final HuaweiAccount sandboxHuawei = new HuaweiAccount("default", URI.create("http://127.0.0.1:1"), "ak",
            Secret.of("sk"), "p", "cn-north-4", Optional.empty());
    private final AliyunAccount sandboxAliyun = new AliyunAccount("default", URI.create("http://127.0.0.1:1"), "ak",
            Secret.of("sk"), "cn-shanghai", List.of());
    private final Accounts accounts = new Accounts(key -> Optional.ofNullable(props.get(key)),
            () -> Optional.of(sandboxAliyun), () -> Optional.of(sandboxHuawei));

    @Test
    void aHuaweiAccountIsReadFromItsKeysWithTheSecretFromAFileOutsideTheRepository() throws Exception {
        Path secret = Files.writeString(dir.resolve("huawei.secret"), "s3cr3t-value\n");
        props.put(HW + "endpoint", "https://iotda.cn-north-4.myhuaweicloud.com");
        props.put(HW + "access-key-id", "AKID");
        props.put(HW + "secret-access-key-file", secret.toString());
        props.put(HW + "project-id", "0123456789abcdef0123456789abcdef");
        props.put(HW + "instance-id", "inst-1");

        HuaweiAccount account = accounts.huawei("prod").orElseThrow();

        assertThat(account.secretAccessKey().reveal()).isEqualTo("s3cr3t-value");
        assertThat(account.regionId()).isEqualTo("cn-north-4");
        assertThat(account.instanceId()).contains("inst-1");
        assertThat(account.exportDownloadInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(account.exportLimits()).isEqualTo(new HuaweiAccount.ExportLimits(5, 50));
        assertThat(account.toString()).doesNotContain("s3cr3t").contains("iotda.cn-north-4.myhuaweicloud.com");
        assertThat(accounts.isConfigured(Vendor.HUAWEI, "prod")).isTrue();
        assertThat(accounts.isConfigured(Vendor.ALIYUN, "prod")).isFalse();
    }

    @Test
    void theVendorJobLimitsCanBeSetPerAccountToMatchAVendorThatAllowsOthers() {
        props.put(HW + "endpoint", "https://iotda.cn-north-4.myhuaweicloud.com");
        props.put(HW + "access-key-id", "AKID");
        props.put(HW + "secret-access-key", "x");
        props.put(HW + "project-id", "p");
        props.put(HW + "export-unfinished-limit", "2");
        props.put(HW + "export-kept-limit", " 10 ");
        props.put(ALI + "endpoint", "https://iot.cn-shanghai.aliyuncs.com");
        props.put(ALI + "access-key-id", "AKID");
        props.put(ALI + "access-key-secret", "x");

        assertThat(accounts.aliyun("prod").orElseThrow().downloadDailyLimit()).isEqualTo(3);
        props.put(ALI + "download-daily-limit", "6");

        assertThat(accounts.huawei("prod").orElseThrow().exportLimits())
                .isEqualTo(new HuaweiAccount.ExportLimits(2, 10));
        assertThat(accounts.aliyun("prod").orElseThrow().downloadDailyLimit()).isEqualTo(6);
    }

    @Test
    void aLimitThatIsNotAPositiveWholeNumberIsNamedWithItsRule() {
        props.put(ALI + "endpoint", "https://iot.cn-shanghai.aliyuncs.com");
        props.put(ALI + "access-key-id", "AKID");
        props.put(ALI + "access-key-secret", "x");
        props.put(ALI + "download-daily-limit", "0");

        assertThatThrownBy(() -> accounts.aliyun("prod")).hasMessage(ALI
                + "download-daily-limit must be a whole number of at least 1; was '0'");
        props.put(ALI + "download-daily-limit", "three");
        assertThatThrownBy(() -> accounts.aliyun("prod")).hasMessage(ALI
                + "download-daily-limit must be a whole number of at least 1; was 'three'");
    }

    @Test
    void aMissingKeyIsNamedWhenTheAccountIsUsed() {
        props.put(HW + "endpoint", "https://iotda.cn-north-4.myhuaweicloud.com");
        props.put(HW + "access-key-id", "AKID");
        props.put(HW + "secret-access-key", "x");

        assertThatThrownBy(() -> accounts.huawei("prod")).hasMessage(HW + "project-id is not set");
    }

    @Test
    void onlyTheDefaultAccountFallsBackToTheSandbox() {
        assertThat(accounts.huawei("default")).contains(sandboxHuawei);
        assertThat(accounts.aliyun("default")).contains(sandboxAliyun);
        assertThat(accounts.huawei("other")).isEmpty();
        assertThat(accounts.isConfigured(Vendor.HUAWEI, "other")).isFalse();
    }
}
