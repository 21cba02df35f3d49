package io.iotjobbridge.config;

import java.net.URI;
import java.util.Optional;

/**
 * Credentials and endpoint of one Huawei Cloud IoTDA account profile ({@code bridge.accounts.<name>.huawei.*}).
 *
 * @param projectId  the {@code {project_id}} of every IoTDA path
 * @param regionId   the region the endpoint is in (part of a derived-signature scope), e.g. {@code cn-north-4}
 * @param instanceId sent as {@code Instance-Id}; required by standard and enterprise editions
 */
public record HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                            String regionId, Optional<String> instanceId) {

    @Override
    public String toString() {
        return "HuaweiAccount[" + name + " @ " + endpoint.getHost() + "]";
    }
}
