package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The per-device result of a distribution job, the file behind QueryDeviceDistributeDetail's {@code File} link. The
 * vendor documents only that the link points at a result file; the sandbox writes CSV, one line per device:
 * {@code ProductKey,DeviceName,TargetInstanceId,Result,Message}.
 *
 * <p>A finished job distributed all but about 5% of its devices (decided by a hash of the device name); an aborted
 * one got through the first half of its list and never reached the rest.
 */
final class DistributeResultFile {

    static final String CONTENT_TYPE = "text/csv;charset=utf-8";
    static final String HEADER = "ProductKey,DeviceName,TargetInstanceId,Result,Message";

    private DistributeResultFile() {
    }

    static byte[] of(DistributeJob job) {
        DistributeRequest request = job.request();
        List<String> devices = request.deviceNames();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.get(i);
            String result;
            String message;
            if (job.endStatus() == DistributeStatus.ABORTED && i >= devices.size() / 2) {
                result = "FAILED";
                message = "The distribution job was aborted before this device.";
            } else if (VendorIds.fraction("distribute/" + device) < 0.05) {
                result = "FAILED";
                message = "The device already exists in the destination instance.";
            } else {
                result = "SUCCEEDED";
                message = "";
            }
            csv.append(request.productKey()).append(',').append(device).append(',')
                    .append(targetOf(request, device)).append(',').append(result).append(',').append(message)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Strategy 1 sends each device to the "nearest" instance, which the sandbox picks by a hash of its name. */
    private static String targetOf(DistributeRequest request, String device) {
        List<String> targets = request.targetInstanceIds();
        return targets.get((int) (VendorIds.fraction("nearest/" + device) * targets.size()));
    }
}
