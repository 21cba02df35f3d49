package io.iotjobbridge.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.HuaweiAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.sandbox.SandboxPush;
import io.iotjobbridge.vendor.Vendor;

/**
 * The push subscriptions configuration asks for: one per account with {@code bridge.accounts.<name>.<vendor>.push.url}
 * set, and, while the {@code default} account of a vendor is the sandbox's, the sandbox's own endpoint for it.
 *
 * @param reconnectInterval how long a lost subscription waits before it connects again
 */
public record PushSubscriptions(List<PushSubscription> all, Duration reconnectInterval) {

    private static final String ACCOUNTS = "bridge.accounts.";

    public PushSubscriptions {
        all = List.copyOf(all);
    }

    /** Tells {@code action} the vendor and account of every subscription. */
    public void forEachAccount(BiConsumer<Vendor, String> action) {
        all.forEach(subscription -> action.accept(subscription.vendor(), subscription.account()));
    }

    /** @param sandbox the sandbox's push endpoint, when a sandbox stands in for the {@code default} accounts */
    public static PushSubscriptions fromProperties(BridgeProperties props, Accounts accounts,
                                                   Optional<SandboxPush> sandbox) {
        List<PushSubscription> subscriptions = new ArrayList<>();
        if (props.getBoolean("bridge.push.enabled", true)) {
            String clientId = props.get("bridge.push.client-id").orElseGet(PushSubscriptions::defaultClientId);
            for (String name : props.namesUnder(ACCOUNTS)) {
                aliyun(props, accounts, name, clientId).ifPresent(subscriptions::add);
                huawei(props, accounts, name).ifPresent(subscriptions::add);
            }
            sandbox.ifPresent(push -> subscriptions.addAll(sandboxDefaults(props, accounts, push, clientId)));
        }
        return new PushSubscriptions(subscriptions,
                props.getMillis("bridge.push.reconnect-ms", Duration.ofSeconds(5)));
    }

    private static Optional<PushSubscription> aliyun(BridgeProperties props, Accounts accounts, String name,
                                                     String clientId) {
        String prefix = ACCOUNTS + name + ".aliyun.push.";
        Optional<String> url = props.get(prefix + "url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        // the login is signed with the account's own AccessKey, so the account must be a real, configured one
        AliyunAccount account = accounts.aliyun(name).filter(a -> props.get(ACCOUNTS + name + ".aliyun.endpoint")
                .isPresent()).orElseThrow(() -> new IllegalStateException(prefix + "url is set but "
                + ACCOUNTS + name + ".aliyun.endpoint is not: push needs the account's AccessKey"));
        return Optional.of(new AliyunPushSubscription(name, AmqpUrl.parse(prefix + "url", url.get()),
                props.get(prefix + "client-id", clientId),
                props.get(prefix + "consumer-group", AliyunPushSubscription.DOWNLOAD_JOB_GROUP),
                props.get(prefix + "iot-instance-id", ""), props.get(prefix + "queue", "default"),
                account.accessKeyId(), account.accessKeySecret()));
    }

    private static Optional<PushSubscription> huawei(BridgeProperties props, Accounts accounts, String name) {
        String prefix = ACCOUNTS + name + ".huawei.push.";
        Optional<String> url = props.get(prefix + "url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        // a status is only of use for an account the engine can run jobs on
        if (accounts.huawei(name).isEmpty()) {
            throw new IllegalStateException(prefix + "url is set but account " + name + " has no Huawei endpoint");
        }
        String accessKey = props.get(prefix + "access-key")
                .orElseThrow(() -> new IllegalStateException(prefix + "access-key is not set"));
        Secret accessCode = Secret.fromSetting(props::get, prefix + "access-code");
        return Optional.of(new HuaweiPushSubscription(name, AmqpUrl.parse(prefix + "url", url.get()), accessKey,
                accessCode, props.get(prefix + "instance-id"), props.get(prefix + "queue", "default")));
    }

    /** The sandbox's endpoint for each vendor whose {@code default} account is the sandbox and names no other. */
    private static List<PushSubscription> sandboxDefaults(BridgeProperties props, Accounts accounts, SandboxPush push,
                                                          String clientId) {
        List<PushSubscription> subscriptions = new ArrayList<>();
        String aliyun = ACCOUNTS + Accounts.DEFAULT + ".aliyun.";
        if (props.get(aliyun + "endpoint").isEmpty() && props.get(aliyun + "push.url").isEmpty()) {
            accounts.aliyun(Accounts.DEFAULT).ifPresent(account -> subscriptions.add(new AliyunPushSubscription(
                    Accounts.DEFAULT, push.url(), clientId, AliyunPushSubscription.DOWNLOAD_JOB_GROUP, "", "default",
                    account.accessKeyId(), account.accessKeySecret())));
        }
        String huawei = ACCOUNTS + Accounts.DEFAULT + ".huawei.";
        if (props.get(huawei + "endpoint").isEmpty() && props.get(huawei + "push.url").isEmpty()
                && accounts.huawei(Accounts.DEFAULT).isPresent()) {
            subscriptions.add(new HuaweiPushSubscription(Accounts.DEFAULT, push.url(), push.huaweiAccessKey(),
                    push.huaweiAccessCode(), Optional.empty(), push.huaweiQueue()));
        }
        return subscriptions;
    }

    /** {@code iot-job-bridge-<host name>}: the vendor console lists clients by this, so it should say which machine. */
    static String defaultClientId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "";
        }
        String clientId = ("iot-job-bridge-" + host.replaceAll("[^A-Za-z0-9._-]", "-")).replaceAll("-$", "");
        return clientId.length() <= AliyunPushSubscription.MAX_CLIENT_ID ? clientId
                : clientId.substring(0, AliyunPushSubscription.MAX_CLIENT_ID);
    }

    /** For tests: exactly these subscriptions. */
    static PushSubscriptions of(Duration reconnectInterval, PushSubscription... subscriptions) {
        return new PushSubscriptions(List.of(subscriptions), reconnectInterval);
    }
}
