package io.iotjobbridge.push;

/**
 * A pushed message that is not a job status the bridge understands. The reason names what is missing or wrong, never
 * the body's content, so it can be logged as it is.
 */
final class UnreadablePush extends Exception {

    UnreadablePush(String reason) {
        super(reason, null, false, false);
    }
}
