package io.iotjobbridge.sandbox;

/**
 * A validated CreateDownloadDataJob request, before the sandbox admits it.
 *
 * @param instanceKey the IotInstanceId, empty for the account's default instance
 * @param fileName    FileConfig.fileName, or null when the caller left the naming to the vendor
 */
record JobDraft(String accessKeyId, String instanceKey, String tableName, long startTimeMs, long endTimeMs,
                String fileName) {
}
