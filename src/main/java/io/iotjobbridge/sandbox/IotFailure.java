package io.iotjobbridge.sandbox;

/** What a {@code Success=false} envelope says: its HTTP status, {@code Code} and {@code ErrorMessage}. */
interface IotFailure {

    int httpStatus();

    String code();

    String message();
}
