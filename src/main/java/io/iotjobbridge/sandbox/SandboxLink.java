package io.iotjobbridge.sandbox;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.huawei.HuaweiSandboxSettings;
import io.iotjobbridge.sandbox.push.PushSettings;

/**
 * Connects the bridge to a vendor sandbox when configuration asks for one: it starts the in-process simulator, or
 * points at one already running elsewhere ({@code bridge.sandbox.url}), and offers it as the {@code default}
 * account for any vendor whose real account is not configured.
 */
public final class SandboxLink implements AutoCloseable {

    /** Any project id works in the sandbox; this one has the shape of a real one (32 hex digits). */
    public static final String SANDBOX_PROJECT_ID = "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";

    private final VendorSandbox embedded;
    private final URI baseUrl;
    private final String accessKeyId;
    private final Secret accessKeySecret;
    private final SandboxSettings settings;
    private final SandboxPush push;

    private SandboxLink(VendorSandbox embedded, URI baseUrl, String accessKeyId, Secret accessKeySecret,
                        SandboxSettings settings, SandboxPush push) {
        this.embedded = embedded;
        this.baseUrl = baseUrl;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.settings = settings;
        this.push = push;
    }

    public static SandboxLink fromProperties(BridgeProperties props, Clock clock) {
        if (!enabled(props)) {
            return new SandboxLink(null, null, null, null, null, null);
        }
        SandboxSettings settings = settings(props);
        String accessKeyId = settings.credentials().keySet().iterator().next();
        Secret secret = settings.credentials().get(accessKeyId);
        Optional<String> external = props.get("bridge.sandbox.url");
        if (external.isPresent()) {
            // a sandbox elsewhere picks its AMQP port itself unless told one, so the bridge is told where it is
            SandboxPush push = props.get("bridge.sandbox.push.url")
                    .map(url -> push(URI.create(url), settings.push())).orElse(null);
            return new SandboxLink(null, URI.create(external.get()), accessKeyId, secret, settings, push);
        }
        VendorSandbox sandbox = VendorSandbox.start(settings, clock);
        configureFaults(sandbox, props);
        return new SandboxLink(sandbox, sandbox.baseUrl(), accessKeyId, secret, settings,
                sandbox.pushUrl().map(url -> push(url, settings.push())).orElse(null));
    }

    /**
     * The link as configured, without starting an embedded sandbox: for an offline check (the command line's
     * {@code validate}) that only needs to know whether a sandbox stands in for the {@code default} accounts. Its
     * accounts point where the sandbox is configured to listen, which an embedded one on port 0 learns only when
     * it starts, so nothing may call them.
     */
    public static SandboxLink unstarted(BridgeProperties props) {
        if (!enabled(props)) {
            return new SandboxLink(null, null, null, null, null, null);
        }
        SandboxSettings settings = settings(props);
        String accessKeyId = settings.credentials().keySet().iterator().next();
        URI url = props.get("bridge.sandbox.url").map(URI::create)
                .orElseGet(() -> URI.create("http://" + settings.host() + ":" + settings.port()));
        return new SandboxLink(null, url, accessKeyId, settings.credentials().get(accessKeyId), settings, null);
    }

    private static boolean enabled(BridgeProperties props) {
        return props.getBoolean("bridge.sandbox.enabled", true);
    }

    private static SandboxSettings settings(BridgeProperties props) {
        return SandboxSettings.fromProperties(key -> props.get(key).orElse(null));
    }

    /** Plans from {@code bridge.sandbox.faults.*}; a bad one stops the start, naming its key. */
    private static void configureFaults(VendorSandbox sandbox, BridgeProperties props) {
        try {
            sandbox.faults().configure(new SandboxProperties(key -> props.get(key).orElse(null)));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static SandboxPush push(URI url, PushSettings settings) {
        return new SandboxPush(url, settings.huaweiAccessKey(), settings.huaweiAccessCode(), settings.huaweiQueue());
    }

    /**
     * The sandbox as an Alibaba account, or empty when no sandbox is in use. Its daily download limit is the
     * sandbox's own, so the bridge's quota and the simulated vendor's agree (a sandbox allowing none still gets 1:
     * the bridge then meets the vendor's refusal and waits for the next day).
     */
    public Optional<AliyunAccount> aliyunAccount() {
        if (baseUrl == null) {
            return Optional.empty();
        }
        return Optional.of(new AliyunAccount("default", baseUrl, accessKeyId, accessKeySecret,
                settings.deviceJobs().regionId(), List.of(), Math.max(1, settings.dailyJobLimit())));
    }

    /**
     * The sandbox as a Huawei IoTDA account, or empty when no sandbox is in use. The loopback endpoint does not look
     * like a regional Huawei endpoint, so calls to it are signed with the derived scheme, as the official SDK would.
     * Its download interval and export limits are the sandbox's own.
     */
    public Optional<HuaweiAccount> huaweiAccount() {
        if (baseUrl == null) {
            return Optional.empty();
        }
        HuaweiSandboxSettings huawei = settings.huawei();
        return Optional.of(new HuaweiAccount("default", baseUrl, accessKeyId, accessKeySecret, SANDBOX_PROJECT_ID,
                huawei.regionId(), Optional.empty(), huawei.downloadInterval(),
                new HuaweiAccount.ExportLimits(huawei.exportUnfinishedLimit(), huawei.exportKeptLimit())));
    }

    /** The sandbox's AMQP push endpoint, when a sandbox is in use and pushes (and, if it runs elsewhere, is found). */
    public Optional<SandboxPush> push() {
        return Optional.ofNullable(push);
    }

    /** The running embedded sandbox, if this bridge started one. */
    public Optional<VendorSandbox> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
