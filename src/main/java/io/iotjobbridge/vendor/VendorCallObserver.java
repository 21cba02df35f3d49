package io.iotjobbridge.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hears of every call that reached a vendor API (the ledger's call history, the metrics). The clients time each
 * call through {@link #observe}, so what counts as one call and how it is classified is decided once, here.
 */
@FunctionalInterface
public interface VendorCallObserver {

    VendorCallObserver NONE = call -> {
    };

    void heard(VendorCall call);

    /** A call to make and time; it throws the classified refusal. */
    @FunctionalInterface
    interface Call<T> {
        T make() throws VendorException;
    }

    /**
     * Makes {@code call} and reports it. A call the bridge held back itself (its call budget, an API paused after
     * throttling) is not reported: nothing reached the vendor.
     */
    default <T> T observe(Vendor vendor, String account, String action, Clock clock, Call<T> call)
            throws VendorException {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        try {
            T answer = call.make();
            heard(new VendorCall(start, CallAttribution.currentJob(), vendor, account, action, VendorCall.Outcome.OK,
                    null, null, Duration.ofNanos(System.nanoTime() - startNanos)));
            return answer;
        } catch (VendorException refusal) {
            if (!refusal.isHeldBack()) {
                heard(new VendorCall(start, CallAttribution.currentJob(), vendor, account, action,
                        VendorCall.Outcome.of(refusal), refusal.code(), refusal.vendorMessage(),
                        Duration.ofNanos(System.nanoTime() - startNanos)));
            }
            throw refusal;
        }
    }

    /** Tells every one of {@code observers}, in order. */
    static VendorCallObserver all(VendorCallObserver... observers) {
        return call -> {
            for (VendorCallObserver observer : observers) {
                observer.heard(call);
            }
        };
    }
}
