package io.iotjobbridge.request;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import io.iotjobbridge.vendor.Vendor;

/** Which operations each vendor supports and how their parameters are checked. */
public interface OperationCatalog {

    /** The spec of an operation, matched by its exact vendor spelling; empty when not supported. */
    Optional<OperationSpec> find(Vendor vendor, String operation);

    /** Names of the vendor's supported operations; empty for a vendor without a table yet. */
    SortedSet<String> supported(Vendor vendor);

    /** A catalog from per-vendor tables, at most one per vendor; vendors without a table support nothing. */
    static OperationCatalog of(VendorTable... tables) {
        return new TableCatalog(List.of(tables));
    }
}
