package io.iotjobbridge.sandbox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Calls per second one account may make to each API ({@code bridge.sandbox.aliyun.qps.<Action>}), defaulting to the
 * figure on each API's page ("单个阿里云账号调用该接口的每秒请求数(QPS)最大限制为N"). APIs not in the table are not
 * limited.
 *
 * <p>Assumed where no page says: QueryJob (10, like the other query APIs) and CreateDeviceDistributeJob (5).
 *
 * @param perSecond Action to the most calls admitted in one second
 */
public record ApiRateLimits(Map<String, Integer> perSecond) {

    private static final Map<String, Integer> DEFAULTS = defaults();

    public ApiRateLimits {
        perSecond = Map.copyOf(Objects.requireNonNull(perSecond, "perSecond"));
        perSecond.forEach((action, limit) -> {
            if (limit < 0) {
                throw new IllegalArgumentException("the QPS limit of " + action + " must not be negative");
            }
        });
    }

    public static ApiRateLimits documented() {
        return new ApiRateLimits(DEFAULTS);
    }

    static ApiRateLimits fromProperties(SandboxProperties read) {
        Map<String, Integer> limits = new HashMap<>();
        DEFAULTS.forEach((action, fallback) -> limits.put(action, read.integer("aliyun.qps." + action, fallback)));
        return new ApiRateLimits(limits);
    }

    OptionalInt of(String action) {
        Integer limit = perSecond.get(action);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    public ApiRateLimits with(String action, int limit) {
        Map<String, Integer> changed = new HashMap<>(perSecond);
        changed.put(action, limit);
        return new ApiRateLimits(changed);
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put(DeviceJobApi.CREATE_JOB, 5);
        limits.put(DeviceJobApi.QUERY_JOB, 10);
        limits.put(DeviceJobApi.QUERY_JOB_STATISTICS, 5);
        limits.put(DeviceJobApi.LIST_TASK, 5);
        limits.put(DeviceJobApi.CANCEL_JOB, 5);
        limits.put(DeviceJobApi.LIST_JOB, 5);
        limits.put(DeviceDistributeApi.CREATE_DEVICE_DISTRIBUTE_JOB, 5);
        limits.put(DeviceDistributeApi.QUERY_DEVICE_DISTRIBUTE_JOB, 10);
        limits.put(DeviceDistributeApi.QUERY_DEVICE_DISTRIBUTE_DETAIL, 5);
        limits.put(DeviceDistributeApi.LIST_DEVICE_DISTRIBUTE_JOB, 5);
        return Map.copyOf(limits);
    }
}
