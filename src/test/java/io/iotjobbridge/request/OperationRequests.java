package io.iotjobbridge.request;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;

/**
 * Parses and validates request documents the way the bridge does, against every vendor's operations, with one
 * configured account and destination ({@code default}): what each operation's rule tests need.
 */
final class OperationRequests {

    private final RequestParser parser = new RequestParser();
    private final RequestValidator validator;

    OperationRequests(Clock clock) {
        validator = new RequestValidator(OperationCatalog.of(AliyunOperations.TABLE, HuaweiOperations.TABLE),
                (vendor, account) -> account.equals("default"), Set.of("default"), clock);
    }

    /** A JSON request of {@code operation} with these params and options (each the text between the braces). */
    void submit(String vendor, String operation, String paramsJson, String optionsJson) {
        validate("""
                {"vendor": "%s", "account": "default", "operation": "%s", "params": {%s}, "options": {%s}}"""
                .formatted(vendor, operation, paramsJson, optionsJson).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RequestRejectedException listing every rule the document breaks */
    JobRequest validate(byte[] document) {
        JobRequest request = parser.parse(document);
        validator.validate(request);
        return request;
    }
}
