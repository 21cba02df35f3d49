package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;

/**
 * An authenticated, admitted call, as an operation sees it.
 *
 * @param resourceId the id in the path ("" for collection operations)
 * @param now        the sandbox clock's reading for this call; every status in the reply is as of this instant
 */
record IotdaCall(Tenant tenant, IotdaRequest request, String resourceId, Instant now) {
}
