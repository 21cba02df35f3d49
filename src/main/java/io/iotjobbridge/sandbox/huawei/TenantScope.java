package io.iotjobbridge.sandbox.huawei;

import java.nio.charset.StandardCharsets;

import io.iotjobbridge.vendor.SignatureEncoding;

/**
 * Whose data a call sees: the AK it was signed with, the {@code {project_id}} of its path and its
 * {@code Instance-Id} header ("" when absent). The vendor's per-user limits apply per scope.
 */
record TenantScope(String accessKeyId, String projectId, String instanceId) {

    /** 8 hex digits that tell scopes apart, stable across runs, so every id a scope hands out is stable too. */
    String idPrefix() {
        String key = accessKeyId + '\n' + projectId + '\n' + instanceId;
        return SignatureEncoding.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
