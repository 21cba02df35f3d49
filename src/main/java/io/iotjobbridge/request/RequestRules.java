package io.iotjobbridge.request;

import java.nio.file.Path;
import java.time.Clock;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.destination.Destinations;
import io.iotjobbridge.trigger.InboxSettings;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * The rules a request document must meet in this bridge's configuration: the parser's size and batch limits
 * ({@code bridge.inbox.*}), the supported operations, the configured accounts and the destination names. Built in
 * one place so the running bridge and the command line's offline {@code validate} reject the same documents.
 */
public record RequestRules(RequestParser parser, RequestValidator validator) {

    /**
     * @param accounts the account profiles requests may name; whether a sandbox stands in for the {@code default}
     *                 ones is the caller's to tell, as only it knows whether one runs or would run
     * @param dataDir  the data folder, which the inbox and the default destination are relative to
     */
    public static RequestRules fromProperties(BridgeProperties props, Accounts accounts, Path dataDir, Clock clock) {
        return of(InboxSettings.fromProperties(props, dataDir), accounts,
                Destinations.fromProperties(props, dataDir.resolve("outbox")), clock);
    }

    /** The rules for settings the caller has read already (the bridge reads them once, for its routes too). */
    public static RequestRules of(InboxSettings inbox, Accounts accounts, Destinations destinations, Clock clock) {
        return new RequestRules(new RequestParser(inbox.maxFileBytesInt(), inbox.maxBatchItems()),
                new RequestValidator(OperationCatalog.of(AliyunOperations.TABLE, HuaweiOperations.TABLE),
                        accounts::isConfigured, destinations.names(), clock));
    }

    public RequestReader reader() {
        return new RequestReader(parser, validator);
    }
}
