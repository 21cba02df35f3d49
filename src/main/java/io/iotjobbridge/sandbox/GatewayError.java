package io.iotjobbridge.sandbox;

/**
 * An answer from the API gateway in front of the product, before any business code runs. The gateway's shape is
 * {@code RequestId, HostId, Code, Message, Recommend}, which is what the official SDKs parse for 4xx/5xx answers.
 */
record GatewayError(int httpStatus, String code, String message) {

    static GatewayError accessKeyNotFound() {
        return new GatewayError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    static GatewayError signatureDoesNotMatch() {
        // the real gateway appends its string-to-sign; the sandbox does not echo signing material back
        return new GatewayError(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation.");
    }

    static GatewayError timestampExpired() {
        return new GatewayError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    static GatewayError timestampMalformed() {
        return new GatewayError(400, "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.");
    }

    static GatewayError nonceUsed() {
        return new GatewayError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    static GatewayError missingParameter(String name) {
        return new GatewayError(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    static GatewayError incompleteSignature() {
        return new GatewayError(400, "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.");
    }

    static GatewayError invalidParameter(String name) {
        return new GatewayError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid.");
    }

    static GatewayError actionNotFound() {
        return new GatewayError(404, "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method.");
    }

    /**
     * An API that exists, called on a region's endpoint that does not serve it. The vendor documents only that the
     * distribution APIs are served from cn-shanghai; this answer is how the POP gateway refuses an API it does not
     * know, assumed to be the same here.
     */
    static GatewayError apiNotInRegion() {
        return new GatewayError(404, "InvalidApi.NotFound",
                "Specified api is not found, please check your url and method.");
    }

    static GatewayError invalidVersion() {
        return new GatewayError(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }

    static GatewayError throttled() {
        return new GatewayError(400, "Throttling.User", "Request was denied due to user flow control.");
    }

    static GatewayError internalError() {
        return new GatewayError(500, "InternalError", "The request processing has failed due to some unknown error.");
    }

    /** The common error list's answer while a service is briefly unable to serve; the SDKs retry it. */
    static GatewayError serviceUnavailable() {
        return new GatewayError(503, "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.");
    }

    GatewayRejection rejection() {
        return new GatewayRejection(this);
    }
}
