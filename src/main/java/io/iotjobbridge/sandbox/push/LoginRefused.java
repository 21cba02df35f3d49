package io.iotjobbridge.sandbox.push;

/**
 * A refused AMQP login. The code is counted in the sandbox's rejections; neither it nor the message repeats the
 * password. The vendors publish no codes for these refusals: the client only sees SASL fail.
 */
final class LoginRefused extends Exception {

    private final String code;

    LoginRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
