package io.iotjobbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business answer in the IoT Platform envelope: {@code RequestId, Success, Code, ErrorMessage, Data}.
 *
 * @param data the {@code Data} object on success, absent on failure
 */
record IotResult(int httpStatus, boolean success, String code, String errorMessage, Map<String, Object> data) {

    // the API pages give "200" as the example Code, and the envelope keeps the field on success too
    private static final String SUCCESS_CODE = "200";

    static IotResult ok(Map<String, Object> data) {
        return new IotResult(200, true, SUCCESS_CODE, null, data);
    }

    static IotResult failure(IotError error) {
        return new IotResult(IotError.HTTP_STATUS, false, error.code(), error.message(), null);
    }

    Map<String, Object> body(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("Success", success);
        body.put("Code", code);
        if (errorMessage != null) {
            body.put("ErrorMessage", errorMessage);
        }
        if (data != null) {
            body.put("Data", data);
        }
        return body;
    }
}
