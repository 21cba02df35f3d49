package io.iotjobbridge.vendor;

import java.util.Arrays;
import java.util.Optional;

/** The clouds the bridge drives, by the name a request uses for them. */
public enum Vendor {
    ALIYUN("aliyun"),
    HUAWEI("huawei");

    private final String wireName;

    Vendor(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Vendor> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
