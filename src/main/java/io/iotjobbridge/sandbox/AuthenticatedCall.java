package io.iotjobbridge.sandbox;

import java.util.Map;

/** A request whose signature, time and nonce have passed: the account and its parameters can be trusted. */
record AuthenticatedCall(String accessKeyId, String action, Map<String, String> params) {

    /** The parameter, or null when absent or empty (the vendor treats both alike). */
    String param(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The IotInstanceId, or empty for the account's default instance; jobs belong to one instance. */
    String instanceKey() {
        String instance = param("IotInstanceId");
        return instance == null ? "" : instance;
    }
}
