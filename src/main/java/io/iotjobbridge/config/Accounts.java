package io.iotjobbridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * The account profiles a request may name. A profile is configured as soon as its endpoint is set; until then the
 * {@code default} profile falls back to the embedded sandbox when one runs, so the bridge works out of the box and
 * switches to the real cloud the moment real settings appear. Requests cannot name anything else.
 */
public final class Accounts {

    public static final String DEFAULT = "default";

    private final Function<String, Optional<String>> properties;
    private final Supplier<Optional<AliyunAccount>> aliyunSandbox;
    private final Supplier<Optional<HuaweiAccount>> huaweiSandbox;

    public Accounts(Function<String, Optional<String>> properties, Supplier<Optional<AliyunAccount>> aliyunSandbox,
                    Supplier<Optional<HuaweiAccount>> huaweiSandbox) {
        this.properties = properties;
        this.aliyunSandbox = aliyunSandbox;
        this.huaweiSandbox = huaweiSandbox;
    }

    public boolean isConfigured(Vendor vendor, String name) {
        return switch (vendor) {
            case ALIYUN -> aliyun(name).isPresent();
            case HUAWEI -> huawei(name).isPresent();
        };
    }

    public Optional<AliyunAccount> aliyun(String name) {
        String prefix = "bridge.accounts." + name + ".aliyun.";
        Optional<String> endpoint = properties.apply(prefix + "endpoint");
        if (endpoint.isEmpty()) {
            return DEFAULT.equals(name) ? aliyunSandbox.get() : Optional.empty();
        }
        return Optional.of(new AliyunAccount(name, URI.create(endpoint.get()),
                required(prefix + "access-key-id"), secret(prefix + "access-key-secret"),
                properties.apply(prefix + "region-id").orElse("cn-shanghai"),
                list(properties.apply(prefix + "download-hosts").orElse("*.aliyuncs.com")),
                atLeastOne(prefix + "download-daily-limit", AliyunOperations.DOWNLOADS_PER_DAY)));
    }

    public Optional<HuaweiAccount> huawei(String name) {
        String prefix = "bridge.accounts." + name + ".huawei.";
        Optional<String> endpoint = properties.apply(prefix + "endpoint");
        if (endpoint.isEmpty()) {
            return DEFAULT.equals(name) ? huaweiSandbox.get() : Optional.empty();
        }
        return Optional.of(new HuaweiAccount(name, URI.create(endpoint.get()), required(prefix + "access-key-id"),
                secret(prefix + "secret-access-key"), required(prefix + "project-id"),
                properties.apply(prefix + "region-id").orElse("cn-north-4"), properties.apply(prefix + "instance-id"),
                millis(prefix + "export-download-interval-ms", HuaweiOperations.EXPORT_DOWNLOAD_INTERVAL),
                new HuaweiAccount.ExportLimits(
                        atLeastOne(prefix + "export-unfinished-limit", HuaweiOperations.EXPORT_TASKS_UNFINISHED),
                        atLeastOne(prefix + "export-kept-limit", HuaweiOperations.EXPORT_TASKS_KEPT))));
    }

    /** A count that must be a whole number of at least 1, such as a vendor limit. */
    private int atLeastOne(String key, int fallback) {
        Optional<String> value = properties.apply(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get().trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below, like a number out of range
        }
        throw new IllegalStateException(key + " must be a whole number of at least 1; was '" + value.get() + "'");
    }

    private Duration millis(String key, Duration fallback) {
        Optional<String> value = properties.apply(key);
        try {
            return value.map(Long::parseLong).map(Duration::ofMillis).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " is not a whole number of milliseconds", e);
        }
    }

    private String required(String key) {
        return properties.apply(key).orElseThrow(() -> new IllegalStateException(key + " is not set"));
    }

    private Secret secret(String key) {
        return Secret.fromSetting(properties, key);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
