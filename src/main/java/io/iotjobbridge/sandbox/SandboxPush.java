package io.iotjobbridge.sandbox;

import java.net.URI;

import io.iotjobbridge.config.Secret;

/**
 * What a bridge needs to subscribe to the sandbox's pushed job status: its AMQP endpoint and the Huawei AMQP
 * credentials (Alibaba logins are signed with the sandbox account's own AccessKey).
 */
public record SandboxPush(URI url, String huaweiAccessKey, Secret huaweiAccessCode, String huaweiQueue) {
}
