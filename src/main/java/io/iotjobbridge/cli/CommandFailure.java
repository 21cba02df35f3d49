package io.iotjobbridge.cli;

/** A command cannot go on; its message is printed as it stands (never holding the token) and it exits with the code. */
final class CommandFailure extends RuntimeException {

    private final ExitCode exitCode;

    CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
