package io.iotjobbridge.sandbox;

import java.util.List;

/**
 * CreateJob's TargetConfig once validated: the devices a job addresses.
 *
 * @param product the ProductKey of a PRODUCT_KEY target, else null
 * @param group   the GroupId of a GROUP_ID target, else null
 * @param listed  the devices of a DEVICE_LIST target, else empty
 */
record JobTarget(Type type, String product, String group, List<DeviceRef> listed) {

    /** {@code targetType}, spelled as on the wire. */
    enum Type { DEVICE_LIST, GROUP_ID, PRODUCT_KEY }

    JobTarget {
        listed = List.copyOf(listed);
    }

    static JobTarget deviceList(List<DeviceRef> devices) {
        return new JobTarget(Type.DEVICE_LIST, null, null, devices);
    }

    static JobTarget product(String productKey) {
        return new JobTarget(Type.PRODUCT_KEY, productKey, null, List.of());
    }

    static JobTarget group(String groupId) {
        return new JobTarget(Type.GROUP_ID, null, groupId, List.of());
    }

    /** The listed devices, or the product's or group's generated fleet of the given size. */
    List<DeviceRef> devices(int fleetSize) {
        return switch (type) {
            case DEVICE_LIST -> listed;
            case PRODUCT_KEY -> DeviceFleet.ofProduct(product, fleetSize);
            case GROUP_ID -> DeviceFleet.ofGroup(group, fleetSize);
        };
    }
}
