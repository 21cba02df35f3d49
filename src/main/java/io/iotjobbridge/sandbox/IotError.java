package io.iotjobbridge.sandbox;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data-download error codes the CreateDownloadDataJob page lists, with its messages. The page gives HTTP 400 for
 * every one of them, and the body carries {@code Success=false}.
 */
enum IotError implements IotFailure {
    NO_AUTHORIZATION("iot.dap.insight.noAuthorization", "no authorization."),
    REQUEST_PARAM_ERROR("iot.dap.insight.requestParamError", "request param error."),
    SERVER_ERROR("iot.dap.insight.serverError", "server hsf error please try later"),
    QUERY_TIME_MORE_THAN_QUERY_DAYS("iot.dap.insight.queryTimeMoreThanQueryDays",
            "The query time range exceeded the allowed time range"),
    PROCESS_DOWNLOAD_JOB_MORE_CONCURRENCE_COUNT("iot.dap.insight.processDownloadJobMoreConcurrenceCount",
            "the number of concurrent download tasks in progress exceeds the upper limit"),
    DOWNLOAD_TIMES_UPPER_LIMIT("iot.dap.insight.downloadTimesUpperLimit",
            "the number of current job downloaded tasks exceeded the upper limit"),
    DOWNLOAD_TASK_NUM_UPPER_LIMIT("iot.dap.insight.downloadTaskNumUpperLimit",
            "the number of downloaded tasks exceeded the upper limit");

    static final int HTTP_STATUS = 400;

    /** Every code, for the faults that answer with one of them. */
    static Set<String> codes() {
        return Arrays.stream(values()).map(IotError::code).collect(Collectors.toUnmodifiableSet());
    }

    static IotError of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data-download error code " + code));
    }

    private final String code;
    private final String message;

    IotError(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public int httpStatus() {
        return HTTP_STATUS;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
