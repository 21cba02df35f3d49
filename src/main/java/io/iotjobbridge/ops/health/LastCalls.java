package io.iotjobbridge.ops.health;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCall;
import io.iotjobbridge.vendor.VendorCallObserver;

/** The last call this node made on each vendor account, for {@link AccountReadiness}. */
public final class LastCalls implements VendorCallObserver {

    private final Map<String, VendorCall> last = new ConcurrentHashMap<>();

    @Override
    public void heard(VendorCall call) {
        last.put(key(call.vendor(), call.account()), call);
    }

    Optional<VendorCall> of(Vendor vendor, String account) {
        return Optional.ofNullable(last.get(key(vendor, account)));
    }

    private static String key(Vendor vendor, String account) {
        return vendor.wireName() + "/" + account;
    }
}
