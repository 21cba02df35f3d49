package io.iotjobbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business answer in the IoT Platform envelope: {@code RequestId, Success, Code, ErrorMessage}, then the answer
 * itself, either in {@code Data} or, for the APIs that put it there (CreateJob's {@code JobId}, ListTask's
 * {@code NextToken}), beside the envelope fields.
 *
 * @param fields answer fields at the top level, next to {@code Success}; empty for most APIs
 * @param data   the {@code Data} object on success, absent on failure and for APIs without one
 */
record IotResult(int httpStatus, boolean success, String code, String errorMessage, Map<String, Object> fields,
                 Map<String, Object> data) {

    // the API pages give "200" as the example Code, and the envelope keeps the field on success too
    private static final String SUCCESS_CODE = "200";

    IotResult {
        fields = Map.copyOf(fields);
    }

    static IotResult ok(Map<String, Object> data) {
        return new IotResult(200, true, SUCCESS_CODE, null, Map.of(), data);
    }

    static IotResult ok(Map<String, Object> fields, Map<String, Object> data) {
        return new IotResult(200, true, SUCCESS_CODE, null, fields, data);
    }

    static IotResult okWithoutData(Map<String, Object> fields) {
        return new IotResult(200, true, SUCCESS_CODE, null, fields, null);
    }

    static IotResult failure(IotFailure error) {
        return new IotResult(error.httpStatus(), false, error.code(), error.message(), Map.of(), null);
    }

    Map<String, Object> body(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("Success", success);
        body.put("Code", code);
        if (errorMessage != null) {
            body.put("ErrorMessage", errorMessage);
        }
        body.putAll(fields);
        if (data != null) {
            body.put("Data", data);
        }
        return body;
    }
}
