package io.iotjobbridge.ops.health;

import java.util.Optional;

import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorCall;

/**
 * A configured vendor account can be used, judged by the outcome of its last call rather than by a call of its own:
 * a probe every few seconds would spend the account's QPS on readiness. Down when the vendor refused the account's
 * credentials, until a call of the account succeeds again; unknown calls (none yet) count as ready.
 */
final class AccountReadiness extends ReadinessCheck {

    private final Vendor vendor;
    private final String account;
    private final LastCalls lastCalls;

    AccountReadiness(Vendor vendor, String account, LastCalls lastCalls) {
        super("account:" + vendor.wireName() + ":" + account);
        this.vendor = vendor;
        this.account = account;
        this.lastCalls = lastCalls;
    }

    @Override
    Optional<String> problem() {
        return lastCalls.of(vendor, account)
                .filter(call -> call.outcome() == VendorCall.Outcome.DENIED)
                .map(call -> "the vendor refused the account's credentials at " + call.at() + " (" + call.code()
                        + " on " + call.action() + ")");
    }
}
