package io.iotjobbridge.request;

import static io.iotjobbridge.request.spec.Specs.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;

class OperationCatalogTest {

    private static final OperationSpec B = new OperationSpec("Bravo", object());
    private static final OperationSpec A = new OperationSpec("Alpha", object());

    private final OperationCatalog catalog = OperationCatalog.of(VendorTable.of(Vendor.ALIYUN, B, A));

    @Test
    void shouldFindAnOperationByItsExactName() {
        assertThat(catalog.find(Vendor.ALIYUN, "Alpha")).contains(A);
        assertThat(catalog.find(Vendor.ALIYUN, "alpha")).isEmpty();
        assertThat(catalog.find(Vendor.ALIYUN, null)).isEmpty();
    }

    @Test
    void shouldListSupportedOperationsSorted() {
        assertThat(catalog.supported(Vendor.ALIYUN)).containsExactly("Alpha", "Bravo");
    }

    @Test
    void shouldSupportNothingForAVendorWithoutATable() {
        assertThat(catalog.supported(Vendor.HUAWEI)).isEmpty();
        assertThat(catalog.find(Vendor.HUAWEI, "Alpha")).isEmpty();
    }

    @Test
    void shouldRefuseTwoTablesForOneVendor() {
        assertThatThrownBy(() -> OperationCatalog.of(VendorTable.of(Vendor.ALIYUN, A), VendorTable.of(Vendor.ALIYUN, B)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAnOperationListedTwice() {
        assertThatThrownBy(() -> VendorTable.of(Vendor.ALIYUN, A, new OperationSpec("Alpha", object())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
