package io.iotjobbridge.sandbox.huawei;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every scope seen so far, each seeded with its history on first access. Only authenticated calls reach here, so
 * the number of scopes is up to the holders of the configured keys.
 */
final class Tenants {

    private final ConcurrentMap<TenantScope, Tenant> tenants = new ConcurrentHashMap<>();
    private final BatchTaskSeeder seeder;
    private final ExportLedger.Limits exportLimits;
    private final BatchTaskEvents events;

    Tenants(BatchTaskSeeder seeder, ExportLedger.Limits exportLimits, BatchTaskEvents events) {
        this.seeder = seeder;
        this.exportLimits = exportLimits;
        this.events = events;
    }

    Tenant of(TenantScope scope) {
        return tenants.computeIfAbsent(scope, s -> {
            Tenant tenant = new Tenant(s, exportLimits, task -> events.watch(s, task));
            seeder.seed(tenant, s);
            return tenant;
        });
    }
}
