package io.iotjobbridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * Credentials and endpoint of one Huawei Cloud IoTDA account profile ({@code bridge.accounts.<name>.huawei.*}).
 *
 * @param projectId  the {@code {project_id}} of every IoTDA path
 * @param regionId   the region the endpoint is in (part of a derived-signature scope), e.g. {@code cn-north-4}
 * @param instanceId sent as {@code Instance-Id}; required by standard and enterprise editions
 * @param exportDownloadInterval the time IoTDA wants between two export file downloads of one user (30 s)
 */
public record HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                            String regionId, Optional<String> instanceId, Duration exportDownloadInterval) {

    /** An account with the documented download interval. */
    public HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                         String regionId, Optional<String> instanceId) {
        this(name, endpoint, accessKeyId, secretAccessKey, projectId, regionId, instanceId,
                HuaweiOperations.EXPORT_DOWNLOAD_INTERVAL);
    }

    @Override
    public String toString() {
        return "HuaweiAccount[" + name + " @ " + endpoint.getHost() + "]";
    }
}
