package io.iotjobbridge.sandbox.fault;

import java.time.Instant;

/**
 * One fault handed to a call, and when (by the sandbox clock): the gaps between a target's handouts show how a
 * client backs off.
 *
 * @param target e.g. {@code aliyun.GetDownloadFile}
 * @param fault  as written in a spec, e.g. {@code 503}
 */
public record FaultHandout(String target, String fault, Instant at) {
}
