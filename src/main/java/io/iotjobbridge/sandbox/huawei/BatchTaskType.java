package io.iotjobbridge.sandbox.huawei;

import java.util.Arrays;
import java.util.Optional;

/**
 * The batch task types of HW-SDK {@code Task}/{@code CreateBatchTask}, with what a finished device reports in the
 * task details. The outputs and per-device error texts are illustrative: the docs show only their shape
 * ({@code output} string, {@code error{error_code, error_msg}}); {@code IOTDA.014016} is the documented "device is
 * not online" code.
 */
enum BatchTaskType {
    FIRMWARE_UPGRADE("firmwareUpgrade", "{\"result_code\":0,\"progress\":100,\"description\":\"upgrade succeeded\"}",
            Failure.OFFLINE),
    SOFTWARE_UPGRADE("softwareUpgrade", "{\"result_code\":0,\"progress\":100,\"description\":\"upgrade succeeded\"}",
            Failure.OFFLINE),
    CREATE_DEVICES("createDevices", "{\"result\":\"created\"}", Failure.ALREADY_REGISTERED),
    DELETE_DEVICES("deleteDevices", "{\"result\":\"deleted\"}", Failure.NOT_FOUND),
    FREEZE_DEVICES("freezeDevices", "{\"result\":\"frozen\"}", Failure.NOT_FOUND),
    UNFREEZE_DEVICES("unfreezeDevices", "{\"result\":\"unfrozen\"}", Failure.NOT_FOUND),
    CREATE_COMMANDS("createCommands",
            "{\"result_code\":0,\"response_name\":\"COMMAND_RESPONSE\",\"paras\":{\"result\":\"success\"}}",
            Failure.OFFLINE),
    CREATE_ASYNC_COMMANDS("createAsyncCommands", "{\"status\":\"DELIVERED\"}", Failure.OFFLINE),
    CREATE_MESSAGES("createMessages", "{\"status\":\"DELIVERED\"}", Failure.OFFLINE),
    UPDATE_DEVICE_SHADOWS("updateDeviceShadows", "{\"result\":\"shadow updated\"}", Failure.OFFLINE),
    // documented for CreateBatchTask/Task in newer SDKs only; seeded history does not use it
    UPDATE_DEVICES("updateDevices", "{\"result\":\"updated\"}", Failure.NOT_FOUND);

    private final String wireName;
    private final String successOutput;
    private final Failure failure;

    BatchTaskType(String wireName, String successOutput, Failure failure) {
        this.wireName = wireName;
        this.successOutput = successOutput;
        this.failure = failure;
    }

    static Optional<BatchTaskType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(t -> t.wireName).toList());
    }

    String wireName() {
        return wireName;
    }

    String successOutput() {
        return successOutput;
    }

    String errorCode() {
        return failure.code;
    }

    String errorMessage() {
        return failure.message;
    }

    boolean isUpgrade() {
        return this == FIRMWARE_UPGRADE || this == SOFTWARE_UPGRADE;
    }

    private enum Failure {
        OFFLINE("IOTDA.014016", "Operation not allowed. The device is not online."),
        NOT_FOUND("IOTDA.000006", "Invalid input data. The device does not exist."),
        ALREADY_REGISTERED("IOTDA.000006", "Invalid input data. The node_id is already registered.");

        private final String code;
        private final String message;

        Failure(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }
}
