package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.huawei.HuaweiSandboxSettings;
import io.iotjobbridge.sandbox.push.PushSettings;

/**
 * How the Alibaba sandbox behaves: where it listens, whom it trusts, and how a simulated download job unfolds.
 *
 * @param host             address to bind; {@code 127.0.0.1} keeps the simulator off the network
 * @param port             0 picks a free port, which is what tests want
 * @param credentials      AccessKeyId to AccessKeySecret pairs the gateway accepts; one account per AccessKeyId
 * @param initializingFor  how long a new job reports Status -1
 * @param queuedFor        then how long it reports Status 3
 * @param runningFor       then how long it reports Status 0, before it ends in 1 (or 2 for a failing table)
 * @param csvBytes         exact size of the CSV a succeeded job serves
 * @param failingTables    TableName values whose jobs end in Status 2
 * @param dailyJobLimit    jobs one account may create per Asia/Shanghai day (the vendor allows 3)
 * @param urlValidity      lifetime of a CsvUrl (the vendor's is 5 minutes)
 * @param urlFetchLimit    fetches of one job's file per Asia/Shanghai day (the vendor allows 3)
 * @param clockSkewAllowed how far a request's timestamp may be from the sandbox clock (the gateway allows 15 minutes);
 *                         Huawei's {@code X-Sdk-Date} is held to the same bound
 * @param huawei           the Huawei IoTDA part, which accepts the same {@code credentials}
 * @param push             the AMQP endpoint that pushes job status, as the vendors' server-side subscriptions do
 */
public record SandboxSettings(String host, int port, Map<String, Secret> credentials,
                              Duration initializingFor, Duration queuedFor, Duration runningFor,
                              long csvBytes, Set<String> failingTables, int dailyJobLimit,
                              Duration urlValidity, int urlFetchLimit, Duration clockSkewAllowed,
                              DeviceJobSettings deviceJobs, HuaweiSandboxSettings huawei, PushSettings push) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PROPERTY_PORT = 18601;
    public static final String DEFAULT_ACCESS_KEY_ID = "sandbox-ak";
    public static final String DEFAULT_ACCESS_KEY_SECRET = "sandbox-secret";

    public SandboxSettings {
        requireText(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        credentials = Map.copyOf(Objects.requireNonNull(credentials, "credentials"));
        requireNotNegative(initializingFor, "initializingFor");
        requireNotNegative(queuedFor, "queuedFor");
        requireNotNegative(runningFor, "runningFor");
        if (csvBytes < 0) {
            throw new IllegalArgumentException("csvBytes must not be negative: " + csvBytes);
        }
        failingTables = Set.copyOf(Objects.requireNonNull(failingTables, "failingTables"));
        if (dailyJobLimit < 0 || urlFetchLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        requireNotNegative(urlValidity, "urlValidity");
        requireNotNegative(clockSkewAllowed, "clockSkewAllowed");
        Objects.requireNonNull(deviceJobs, "deviceJobs");
        Objects.requireNonNull(huawei, "huawei");
        Objects.requireNonNull(push, "push");
    }

    /**
     * The vendor's documented limits and a quick job timeline, on an ephemeral port: what an in-process test wants.
     * Everything but the port and push matches {@link #fromProperties} with no properties set. Push is off, because
     * its broker would add a few hundred milliseconds to every test that does not use it; turn it on with
     * {@link #withPushEnabled}.
     */
    public static SandboxSettings defaults() {
        SandboxSettings fromNothing = fromProperties(key -> null).withPort(0);
        return fromNothing.withPush(fromNothing.push().withEnabled(false));
    }

    /**
     * Reads {@code bridge.sandbox.*} keys; absent or blank keys take the documented defaults (port 18601).
     * A malformed number fails fast with the key's name, never its value, because one of the keys is a secret.
     */
    public static SandboxSettings fromProperties(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        SandboxProperties read = new SandboxProperties(lookup);
        String accessKeyId = read.text("access-key-id", DEFAULT_ACCESS_KEY_ID);
        Secret secret = Secret.of(read.text("access-key-secret", DEFAULT_ACCESS_KEY_SECRET));
        return new SandboxSettings(
                read.text("host", DEFAULT_HOST),
                read.integer("port", DEFAULT_PROPERTY_PORT),
                Map.of(accessKeyId, secret),
                Duration.ofMillis(read.number("aliyun.initializing-ms", 500)),
                Duration.ofMillis(read.number("aliyun.queued-ms", 500)),
                Duration.ofMillis(read.number("aliyun.running-ms", 1_500)),
                read.number("aliyun.csv-bytes", 65_536),
                read.list("aliyun.failing-tables"),
                read.integer("aliyun.daily-job-limit", 3),
                Duration.ofMillis(read.number("aliyun.url-validity-ms", 300_000)),
                read.integer("aliyun.url-fetch-limit", 3),
                Duration.ofMillis(read.number("clock-skew-ms", 900_000)),
                DeviceJobSettings.fromProperties(read),
                HuaweiSandboxSettings.fromProperties(read),
                PushSettings.fromProperties(read, accessKeyId));
    }

    public SandboxSettings withHost(String newHost) {
        return new SandboxSettings(newHost, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(host, newPort, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    /** Replaces every accepted credential with this single pair. */
    public SandboxSettings withCredential(String accessKeyId, Secret accessKeySecret) {
        return withCredentials(Map.of(accessKeyId, accessKeySecret));
    }

    public SandboxSettings withCredentials(Map<String, Secret> newCredentials) {
        return new SandboxSettings(host, port, newCredentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withTimeline(Duration initializing, Duration queued, Duration running) {
        return new SandboxSettings(host, port, credentials, initializing, queued, running, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withCsvBytes(long newCsvBytes) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, newCsvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withFailingTables(Set<String> tables) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                tables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withDailyJobLimit(int limit) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, limit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withUrlValidity(Duration validity) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, validity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withUrlFetchLimit(int limit) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, limit, clockSkewAllowed, deviceJobs, huawei, push);
    }

    public SandboxSettings withClockSkewAllowed(Duration skew) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, skew, deviceJobs, huawei, push);
    }

    public SandboxSettings withDeviceJobs(DeviceJobSettings newDeviceJobs) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, newDeviceJobs, huawei,
                push);
    }

    public SandboxSettings withHuawei(HuaweiSandboxSettings newHuawei) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, newHuawei,
                push);
    }

    public SandboxSettings withPush(PushSettings newPush) {
        return new SandboxSettings(host, port, credentials, initializingFor, queuedFor, runningFor, csvBytes,
                failingTables, dailyJobLimit, urlValidity, urlFetchLimit, clockSkewAllowed, deviceJobs, huawei,
                newPush);
    }

    public SandboxSettings withPushEnabled(boolean on) {
        return withPush(push.withEnabled(on));
    }

    @Override
    public String toString() {
        // the record's generated toString would be safe too (Secret masks itself), but naming only the key ids
        // keeps secrets out of logs even if Secret's masking ever changes
        return "SandboxSettings[host=" + host + ", port=" + port + ", accessKeyIds=" + credentials.keySet()
                + ", initializingFor=" + initializingFor + ", queuedFor=" + queuedFor + ", runningFor=" + runningFor
                + ", csvBytes=" + csvBytes + ", failingTables=" + failingTables + ", dailyJobLimit=" + dailyJobLimit
                + ", urlValidity=" + urlValidity + ", urlFetchLimit=" + urlFetchLimit
                + ", clockSkewAllowed=" + clockSkewAllowed + ", deviceJobs=" + deviceJobs + ", huawei=" + huawei
                + ", push=" + push + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
