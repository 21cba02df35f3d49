package io.iotjobbridge.request;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.iotjobbridge.vendor.Vendor;

/** The operations of one vendor that a request may start. Each vendor package holds one of these as data. */
public record VendorTable(Vendor vendor, List<OperationSpec> operations) {

    public VendorTable {
        Objects.requireNonNull(vendor, "vendor");
        operations = List.copyOf(operations);
        Set<String> names = new HashSet<>();
        for (OperationSpec operation : operations) {
            if (!names.add(operation.name())) {
                throw new IllegalArgumentException(vendor + " lists " + operation.name() + " twice");
            }
        }
    }

    public static VendorTable of(Vendor vendor, OperationSpec... operations) {
        return new VendorTable(vendor, List.of(operations));
    }
}
