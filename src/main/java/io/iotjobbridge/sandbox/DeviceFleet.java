package io.iotjobbridge.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The devices of a product or group the sandbox has never seen, generated from its key: the same key gives the same
 * devices in every job and every sandbox. Names are 20 base62 characters, as batch registration names devices.
 */
final class DeviceFleet {

    private static final int NAME_LENGTH = 20;

    private DeviceFleet() {
    }

    static List<DeviceRef> ofProduct(String productKey, int size) {
        List<DeviceRef> devices = new ArrayList<>(size);
        Set<String> names = new HashSet<>();
        for (int i = 0; devices.size() < size; i++) {
            String name = VendorIds.derived("device/" + productKey + "/" + i, NAME_LENGTH);
            // a clash is astronomically unlikely, but a fleet must never list one device twice
            if (names.add(name)) {
                devices.add(new DeviceRef(productKey, name));
            }
        }
        return devices;
    }

    /** A group's devices all belong to one product, whose key is derived from the group's id. */
    static List<DeviceRef> ofGroup(String groupId, int size) {
        return ofProduct(productKeyOfGroup(groupId), size);
    }

    /** 11 characters starting {@code a1}, as the vendor's ProductKeys look. */
    static String productKeyOfGroup(String groupId) {
        return "a1" + VendorIds.derived("group/" + groupId, 9);
    }
}
