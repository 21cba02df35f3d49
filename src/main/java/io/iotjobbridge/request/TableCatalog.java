package io.iotjobbridge.request;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.iotjobbridge.vendor.Vendor;

/** {@link OperationCatalog} over fixed per-vendor tables. */
final class TableCatalog implements OperationCatalog {

    private final Map<Vendor, VendorTable> tables = new EnumMap<>(Vendor.class);

    TableCatalog(List<VendorTable> tables) {
        for (VendorTable table : tables) {
            if (this.tables.put(table.vendor(), table) != null) {
                throw new IllegalArgumentException("two tables for " + table.vendor());
            }
        }
    }

    @Override
    public Optional<OperationSpec> find(Vendor vendor, String operation) {
        VendorTable table = tables.get(vendor);
        if (table == null || operation == null) {
            return Optional.empty();
        }
        return table.operations().stream().filter(op -> op.name().equals(operation)).findFirst();
    }

    @Override
    public SortedSet<String> supported(Vendor vendor) {
        SortedSet<String> names = new TreeSet<>();
        VendorTable table = tables.get(vendor);
        if (table != null) {
            table.operations().forEach(op -> names.add(op.name()));
        }
        return Collections.unmodifiableSortedSet(names);
    }
}
