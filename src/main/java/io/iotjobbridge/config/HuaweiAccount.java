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
 * @param exportLimits how many export tasks IoTDA lets the user have unfinished and keep
 */
public record HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                            String regionId, Optional<String> instanceId, Duration exportDownloadInterval,
                            ExportLimits exportLimits) {

    /** An account with the documented export limits. */
    public HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                         String regionId, Optional<String> instanceId, Duration exportDownloadInterval) {
        this(name, endpoint, accessKeyId, secretAccessKey, projectId, regionId, instanceId, exportDownloadInterval,
                ExportLimits.DOCUMENTED);
    }

    /** An account with the documented download interval and export limits. */
    public HuaweiAccount(String name, URI endpoint, String accessKeyId, Secret secretAccessKey, String projectId,
                         String regionId, Optional<String> instanceId) {
        this(name, endpoint, accessKeyId, secretAccessKey, projectId, regionId, instanceId,
                HuaweiOperations.EXPORT_DOWNLOAD_INTERVAL);
    }

    /**
     * IoTDA's per-user limits on export tasks; settings, so that a sandbox with other limits can be matched.
     *
     * @param unfinished export tasks that may be unfinished at once (the vendor allows 5)
     * @param kept       export tasks kept; the vendor deletes the oldest beyond this (it keeps 50)
     */
    public record ExportLimits(int unfinished, int kept) {

        public static final ExportLimits DOCUMENTED = new ExportLimits(HuaweiOperations.EXPORT_TASKS_UNFINISHED,
                HuaweiOperations.EXPORT_TASKS_KEPT);

        public ExportLimits {
            if (unfinished < 1 || kept < 1) {
                throw new IllegalArgumentException("export limits must be at least 1: unfinished " + unfinished
                        + ", kept " + kept);
            }
        }
    }

    @Override
    public String toString() {
        return "HuaweiAccount[" + name + " @ " + endpoint.getHost() + "]";
    }
}
