package io.iotjobbridge.sandbox;

/** A device as job targets name it. Its IotId is derived from the pair, so every answer names it alike. */
record DeviceRef(String productKey, String deviceName) {

    /** 26 characters ending in {@code 00100}, as the vendor's IotIds look. */
    String iotId() {
        return VendorIds.derived("iotId/" + productKey + "/" + deviceName, 21) + "00100";
    }
}
